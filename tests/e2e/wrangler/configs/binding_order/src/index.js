export class Lock {
  async fetch() {
    return new Response("lock");
  }
}
export default {
  async fetch() {
    return new Response("ordered");
  },
};
