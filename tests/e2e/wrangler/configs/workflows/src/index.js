import { WorkflowEntrypoint } from "cloudflare:workers";

export class CheckoutWorkflow extends WorkflowEntrypoint {
  async run(event, step) {
    return step.do("charge", async () => event.payload);
  }
}
export default {
  async fetch(request, env) {
    const instance = await env.CHECKOUT.create();
    return Response.json({ id: instance.id });
  },
};
