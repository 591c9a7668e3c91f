export class Session {
  async fetch() {
    return new Response("session");
  }
}
export default {
  async fetch() {
    return new Response("tuned");
  },
  async scheduled() {},
};
