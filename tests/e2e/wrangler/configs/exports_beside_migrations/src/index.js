import { WorkerEntrypoint } from "cloudflare:workers";

export class Store {
  async fetch() {
    return new Response("store");
  }
}
export class Public extends WorkerEntrypoint {
  async hello() {
    return "hello";
  }
}
export default {
  async fetch() {
    return new Response("mixed");
  },
};
