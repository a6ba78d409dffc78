package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;

import dev.pmkb.model.Postmortem;
import java.util.List;

/** A small hand-written library: three connection-pool incidents, two certificate ones, and others. */
final class Library {

    private Library() {
    }

    static List<Postmortem> incidents() {
        return List.of(
                incident("2023/pool-orders").title("Orders API down: database connection pool exhausted")
                        .date("2023-03-02")
                        .summary("Orders API returned 503 for 40 minutes.")
                        .rootCause("The connection pool to MySQL was exhausted: max connections was set to 50 while "
                                + "traffic doubled, so requests waited for a free connection and timed out.")
                        .resolution("Raised max connections and the pool size; added an alert on pool usage.")
                        .causes("connection-pool-exhaustion").components("MySQL", "orders-api").build(),
                incident("2023/pool-search").title("Search latency spike")
                        .date("2023-06-11")
                        .summary("Search was slow for an hour.")
                        .rootCause("A slow query held connections open; the pool size of 20 was reached and new "
                                + "requests queued until the connection pool was exhausted.")
                        .resolution("Killed the slow query, raised the pool size and max connections.")
                        .timeline("10:02 latency alert fired", "10:15 found the slow query holding connections")
                        .causes("connection-pool-exhaustion", "slow-query").components("MySQL").build(),
                incident("2024/pool-payments").title("Checkout failures")
                        .date("2024-01-20")
                        .summary("Payments failed intermittently.")
                        .rootCause("A connection leak in the payment service: connections were never returned "
                                + "to the pool, and max connections was reached.")
                        .resolution("Fixed the leak and set a pool size limit per worker.")
                        .causes("connection-pool-exhaustion").components("Postgres").build(),
                incident("2023/cert-api").title("Expired TLS certificate on the public API")
                        .date("2023-09-01")
                        .summary("Clients could not connect to the API for two hours.")
                        .rootCause("The TLS certificate for api.example.com expired because the renewal cron job "
                                + "had been failing silently for weeks.")
                        .resolution("Renewed the certificate by hand and alerted on certificate expiry.")
                        .causes("expired-certificate").components("nginx").build(),
                incident("2024/cert-login").title("Login outage: certificate expiry")
                        .date("2024-05-05")
                        .summary("Nobody could log in for 45 minutes.")
                        .rootCause("The certificate expired; automatic renewal with certbot failed after a DNS "
                                + "change, and nobody was alerted.")
                        .resolution("Renewed the certificate and monitored expiry dates.")
                        .causes("expired-certificate").components("nginx").build(),
                incident("2022/disk-full").title("Database disk full")
                        .date("2022-11-11")
                        .summary("The database refused writes.")
                        .rootCause("Logs filled the disk of the database server, and every new connection was "
                                + "refused.")
                        .resolution("Rotated the logs and added disk alerts.")
                        .causes("disk-full").components("MySQL").build(),
                incident("2022/dns-typo").title("Site unreachable after DNS change")
                        .date("2022-02-14")
                        .summary("The marketing site was unreachable.")
                        .rootCause("A typo in a DNS record pointed the domain at the wrong server.")
                        .resolution("Fixed the record.")
                        .causes("config-error").components("DNS").build(),
                incident("2021/pool-reversed").title("Queue workers stalled")
                        .date("2021-07-07")
                        .summary("The worker pool connection to the queue broke.")
                        .rootCause("Unknown.")
                        .resolution("Restarted the workers.")
                        .causes("unknown").build());
    }
}
