// Wrangler's default Text rule (**/*.txt): importing a text file gives its contents.
declare module "*.txt" {
  const text: string;
  export default text;
}
