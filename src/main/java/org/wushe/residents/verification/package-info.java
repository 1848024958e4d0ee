/**
 * Verification campaigns (重点群体摸排 / 核查登记 / 信息核对): a list sent down from above is imported (streamed,
 * validated row by row, loaded with COPY into a staging table, then matched to the register and split into one
 * task per person and community by set-based SQL), community staff record an outcome per task from a phone, and
 * progress is counted per district, street and community. {@link VerificationCampaigns} is the façade.
 */
package org.wushe.residents.verification;
