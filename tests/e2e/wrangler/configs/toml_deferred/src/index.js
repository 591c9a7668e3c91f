export class RateState {
  async fetch() {
    return new Response("rate");
  }
}
export class Ledger {
  async fetch() {
    return new Response("ledger");
  }
}
export default {
  async fetch() {
    return new Response("toml");
  },
};
