export class Inbox {
  async fetch() {
    return new Response("inbox");
  }
}
export default {
  async fetch() {
    return new Response("transfers");
  },
};
