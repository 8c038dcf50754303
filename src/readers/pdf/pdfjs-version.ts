/**
 * The pdfjs-dist version the PDF reader was checked against. The reader relies on published
 * pdfjs API only (getTextContent with marked content, getStructTree, the operator list's
 * documented operators), but what pdfjs returns for the same bytes changes between releases
 * (text item splitting, superscript handling): a test fails when the installed version differs,
 * so that an upgrade is a deliberate step with the PDF fixtures re-checked.
 */
export const PDFJS_CHECKED_VERSION = '5.5.207';
