/**
 * Verification campaigns (重点群体摸排 / 核查登记 / 信息核对): a list sent down from above is imported, community
 * staff record an outcome per task from a phone, and progress is counted per district, street and community.
 * {@link org.wushe.residents.verification.VerificationCampaigns} is the façade; a task's outcome and assignment
 * are guarded by the {@code VerificationTask} aggregate. Everything else is package-private.
 *
 * <h2>How a list import runs</h2>
 * The upload is saved to a temporary file and queued ({@code ImportRunner}: one import at a time per node, a short
 * queue, then "busy"); {@code ListImport} then runs it all or nothing in one transaction:
 * <ol>
 *   <li><b>Read and check.</b> The platform's {@code SpreadsheetReader} streams the rows (xlsx or csv, up to
 *   millions); {@code ListRows} checks each in Java — name, ID number (GB 11643 check digit), phone, lengths,
 *   category (code or label), the community ({@code CommunityResolver}: a known community of the campaign's region
 *   and the importer's scope, or the one community the address names) and duplicates within the file by blind
 *   index ({@code IndexSet}, flat arrays, ~40 bytes a row). People already in the campaign are skipped before
 *   anything is encrypted.</li>
 *   <li><b>COPY to staging.</b> Valid rows are encrypted and streamed by {@code StagingWriter} with binary
 *   {@code COPY} into the UNLOGGED {@code residents_verification_staging} on the import's own connection: no row
 *   is held in memory.</li>
 *   <li><b>Set-based insert.</b> Under an advisory lock per campaign, one statement matches the staged rows to the
 *   register by ID blind index (the register's purpose, {@code ResidentCipher.ID_NUMBER_INDEX}) and inserts one
 *   task per person not yet in the campaign, in identity-key order; the staged rows are deleted, the community
 *   staff told, and the status row ({@code ImportStore}) set to DONE in the same commit.</li>
 *   <li><b>Error workbook.</b> Rejected rows go to the platform's {@code ErrorWorkbook} as uploaded, with the
 *   reasons in a red column and the source row number; it is stored encrypted and given only to whoever ran the
 *   import. Any failure rolls everything back and the status row says why.</li>
 * </ol>
 */
package org.wushe.residents.verification;
