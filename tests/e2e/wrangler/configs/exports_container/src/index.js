export class Sandbox {
  async fetch() {
    return new Response("sandbox");
  }
}
export default {
  async fetch() {
    return new Response("sandboxes");
  },
};
