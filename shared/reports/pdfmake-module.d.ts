// The part of pdfmake 0.3's server API the report uses; the package ships no type declarations.
declare module 'pdfmake' {
  interface PdfMakeServer {
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    createPdf(document: object): { getBuffer(): Promise<Buffer> };
  }
  const pdfmake: PdfMakeServer;
  export default pdfmake;
}
