// The Counter Worker of Cloudflare's Durable Objects API page: the Worker
// forwards every request to one Durable Object, which counts them.
export default {
  async fetch(request, env) {
    // Get a Durable Object ID
    const id = env.COUNTER.idFromName('global-counter');

    // Get the Durable Object stub
    const stub = env.COUNTER.get(id);

    // Send a request to the Durable Object
    const response = await stub.fetch(request);

    return response;
  },
};

export class Counter {
  constructor(state, env) {
    this.state = state;
  }

  async fetch(request) {
    let value = (await this.state.storage.get('value')) || 0;
    value++;
    await this.state.storage.put('value', value);
    return new Response(value.toString());
  }
}
