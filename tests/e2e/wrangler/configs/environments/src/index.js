export class Cart {
  async fetch() {
    return new Response("cart");
  }
}
export class Checkout {
  async fetch() {
    return new Response("checkout");
  }
}
export default {
  async fetch() {
    return new Response("shop");
  },
};
