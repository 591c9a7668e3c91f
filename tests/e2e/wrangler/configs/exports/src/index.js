import { WorkerEntrypoint, WorkflowEntrypoint } from "cloudflare:workers";

export class Room {
  async fetch() {
    return new Response("room");
  }
}
export class Legacy {
  async fetch() {
    return new Response("legacy");
  }
}
export class Api extends WorkerEntrypoint {
  async ping() {
    return "pong";
  }
}
export class Nightly extends WorkflowEntrypoint {
  async run() {}
}
export default {
  async fetch() {
    return new Response("declarative");
  },
};
