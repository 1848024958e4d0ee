/**
 * Sending the outbox for real: the dispatcher (claims, rate limits, retries with backoff, at most one send per
 * row), failover between two providers, the delivery-receipt job, and the provider adapters in {@code aliyun/} and
 * {@code tencent/} (plain HTTPS with the providers' request signing, see docs/adr/0004). Uses the module root's
 * vocabulary ({@code MessageKind}, the {@code MessageSender} port) and {@code privacy} to read the encrypted rows.
 */
package org.wushe.notify.sms;
