import { DurableObject } from "cloudflare:workers";

export class Box extends DurableObject {
  async fetch() {
    return new Response("box");
  }
}
export default {
  async fetch(request, env) {
    return env.BOX.get(env.BOX.idFromName("one")).fetch(request);
  },
};
