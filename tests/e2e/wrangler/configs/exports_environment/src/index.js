export class Room {
  async fetch() {
    return new Response("room");
  }
}
export class Lobby {
  async fetch() {
    return new Response("lobby");
  }
}
export default {
  async fetch() {
    return new Response("rooms");
  },
};
