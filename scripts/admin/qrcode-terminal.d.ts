// qrcode-terminal ships no types; this is the one function the admin CLI uses.
declare module "qrcode-terminal" {
  const qrcode: { generate(text: string, options: { small?: boolean }, callback: (qr: string) => void): void };
  export default qrcode;
}
