export class Counter {
  async fetch() {
    return new Response("counter");
  }
}
export class ChatRoom {
  async fetch() {
    return new Response("room");
  }
}
export class Lobby {
  async fetch() {
    return new Response("lobby");
  }
}
export class Imported {
  async fetch() {
    return new Response("imported");
  }
}
export default {
  async fetch(request, env) {
    return env.COUNTER.get(env.COUNTER.idFromName("a")).fetch(request);
  },
};
