export class Counter {
  async fetch() {
    return new Response("1");
  }
}
export default {
  async fetch(request, env) {
    return env.COUNTER.get(env.COUNTER.idFromName("global")).fetch(request);
  },
};
