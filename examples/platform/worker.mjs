// The chat platform's Worker: rooms are Durable Objects (SQLite-backed), as
// is the per-user rate limiter; uploads go to R2, accounts to D1.
export class ChatRoom {
  constructor(state, env) {
    this.state = state;
    this.env = env;
  }
  async fetch(request) {
    const messages = (await this.state.storage.get("messages")) ?? [];
    return Response.json(messages);
  }
}

export class RateLimiter {
  constructor(state) {
    this.state = state;
  }
  async fetch() {
    const used = ((await this.state.storage.get("used")) ?? 0) + 1;
    await this.state.storage.put("used", used);
    return new Response(String(used));
  }
}

export default {
  async fetch(request, env) {
    const room = env.ROOMS.get(env.ROOMS.idFromName(new URL(request.url).pathname));
    return room.fetch(request);
  },
};
