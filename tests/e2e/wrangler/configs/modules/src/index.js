import greeting from "./greeting.txt";
import addModule from "./add.wasm";

export default {
  async fetch() {
    const { exports } = await WebAssembly.instantiate(addModule);
    return new Response(`${greeting} ${exports.add(1, 2)}`);
  },
};
