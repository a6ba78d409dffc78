package dev.pmkb.bench;

import java.util.List;

/**
 * The words synthetic postmortems are made of: one entry per root cause of pmkb's taxonomy, with the
 * components it hits, how such incidents are titled, explained, fixed and followed up, and the error text
 * engineers paste into write-ups. Placeholders in braces ({svc}, {comp}, {host}, ...) are filled per incident
 * by {@link PostmortemWriter}. All text here is written for this generator.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** One root cause of the taxonomy and the way incidents with that cause are written up. */
    record Cause(String tag, List<String> components, List<String> titles, List<String> explanations,
                 List<String> errors, List<String> fixes, List<String> actions) {
    }

    static final List<Cause> CAUSES = List.of(
            new Cause("config-change",
                    List.of("nginx", "HAProxy", "Envoy", "Kubernetes", "Terraform", "Consul"),
                    List.of("{svc} unreachable after a {comp} configuration change",
                            "Bad {comp} config push takes down {svc}",
                            "{svc} returning 502s after {comp} reload"),
                    List.of("A change to the {comp} configuration on {host} replaced the upstream block for {svc}. "
                                    + "The new file passed `{comp} -t` but pointed at port {port}, where nothing listens, "
                                    + "so every request to {svc} ended in `{err}`.",
                            "The {comp} settings for {svc} were edited by hand during a maintenance window and the "
                                    + "change skipped review. A typo in the listener section made {comp} drop all traffic "
                                    + "for {svc} after the next reload."),
                    List.of("connect() failed (111: Connection refused) while connecting to upstream",
                            "HTTP 502 Bad Gateway", "no live upstreams while connecting to upstream"),
                    List.of("We reverted the {comp} configuration to the previous revision and reloaded it on all hosts.",
                            "The on-call engineer restored the last known good config from Git and ran a rolling reload."),
                    List.of("Validate {comp} configuration in CI against a staging copy of {svc}",
                            "Require a second reviewer for every change under `infra/{comp}`",
                            "Roll configuration out to one host first and watch its error rate for 10 minutes")),
            new Cause("bad-deploy",
                    List.of("Kubernetes", "Jenkins", "Argo CD", "Docker", "GitHub Actions"),
                    List.of("{svc} errors after release {ver}",
                            "Release {ver} of {svc} breaks logins",
                            "Faulty {svc} deployment causes elevated error rates"),
                    List.of("Release {ver} of {svc} was rolled out by {comp} to all pods at once. The new image "
                                    + "expected an environment variable that only existed in staging, so the pods "
                                    + "started, passed the shallow health check and then failed every real request "
                                    + "with `{err}`.",
                            "The deployment pipeline promoted build {ver} although its integration tests had been "
                                    + "marked as flaky and skipped. The build contained a migration that renamed a "
                                    + "column still read by the previous version of {svc}."),
                    List.of("HTTP 500 Internal Server Error", "CrashLoopBackOff",
                            "KeyError: 'PAYMENT_GATEWAY_URL'", "NullPointerException at SessionFilter.java:88"),
                    List.of("We rolled {svc} back to the previous release with `kubectl rollout undo` and paused the pipeline.",
                            "The release was reverted and redeployed from the last green build."),
                    List.of("Make the readiness probe exercise a real request path of {svc}",
                            "Deploy to 5% of pods first (canary) and gate on the error rate",
                            "Stop skipping flaky integration tests on the release branch")),
            new Cause("software-bug",
                    List.of("Java", "Node.js", "Python", "Go", "Django", "Spring Boot"),
                    List.of("{svc} corrupts totals for orders with discounts",
                            "Race condition in {svc} drops messages",
                            "{svc} crashes on a malformed request"),
                    List.of("A code path in {svc} added in {ver} did not handle an empty list: when a customer had no "
                                    + "saved addresses the handler threw `{err}` and the worker restarted. Under load "
                                    + "the restarts cascaded across the pool.",
                            "Two threads in {svc} updated the same cache entry without a lock. Under load one update "
                                    + "overwrote the other, so roughly one request in a few hundred read stale data."),
                    List.of("IndexError: list index out of range", "panic: runtime error: invalid memory address or nil pointer dereference",
                            "TypeError: Cannot read properties of undefined (reading 'id')",
                            "java.lang.IllegalStateException: Duplicate key"),
                    List.of("A hotfix adding the missing check was reviewed, tested and deployed as {ver}.",
                            "We disabled the feature flag for the new code path, then shipped a fix."),
                    List.of("Add a regression test for the empty input case",
                            "Run the property-based test suite on every merge to main",
                            "Add a feature flag to every new code path in {svc}")),
            new Cause("capacity",
                    List.of("AWS EC2", "Kubernetes", "Elasticsearch", "MySQL", "nginx", "Varnish"),
                    List.of("{svc} overloaded during the {event}",
                            "{svc} slow under peak traffic",
                            "{comp} cluster out of capacity during the {event}"),
                    List.of("Traffic for the {event} reached {mult} times the usual peak. {svc} had been sized for "
                                    + "twice the peak and the autoscaler's maximum was still set to {n} instances, so "
                                    + "latency climbed until requests timed out with `{err}`.",
                            "The {comp} nodes serving {svc} ran at 95% CPU for most of the day. Nobody had revisited "
                                    + "the capacity plan since the last launch, and the {event} pushed them over."),
                    List.of("504 Gateway Time-out", "upstream timed out (110: Connection timed out) while reading response header",
                            "EsRejectedExecutionException: rejected execution of coordinating operation"),
                    List.of("We raised the autoscaling limit and added {n} instances by hand; latency recovered within minutes.",
                            "Non-essential jobs were paused and the cluster was scaled up."),
                    List.of("Load-test {svc} at three times the expected peak before every campaign",
                            "Review autoscaling maximums every quarter",
                            "Add a capacity dashboard with headroom per service")),
            new Cause("connection-pool-exhaustion",
                    List.of("PostgreSQL", "MySQL", "HikariCP", "PgBouncer", "Redis"),
                    List.of("{svc} timeouts from {comp} connection pool exhaustion",
                            "{svc} returns 503s: no free {comp} connections",
                            "Connection pool exhausted between {svc} and {comp}"),
                    List.of("Every {svc} pod holds a pool of {n} connections to {comp}. A new call to a slow "
                                    + "external API was made while a connection was checked out, so under load every "
                                    + "connection sat idle waiting and new requests failed with `{err}`.",
                            "A batch job started on {host} opened connections to {comp} and never returned them. The "
                                    + "pool shared with {svc} ran dry within minutes."),
                    List.of("HikariPool-1 - Connection is not available, request timed out after 30000ms",
                            "ERROR 1040 (HY000): Too many connections",
                            "FATAL: remaining connection slots are reserved for non-replication superuser connections"),
                    List.of("We moved the external call outside the transaction and redeployed; pool usage dropped to a third.",
                            "The batch job was stopped and {svc} restarted, which released the connections."),
                    List.of("Alert when pending connections stay above zero for a minute",
                            "Never hold a database connection across a network call",
                            "Give batch jobs their own connection pool")),
            new Cause("resource-leak",
                    List.of("Java", "Node.js", "Redis", "Linux", "Docker"),
                    List.of("Memory leak in {svc} causes repeated restarts",
                            "{svc} pods OOMKilled every few hours",
                            "File descriptor leak takes down {svc}"),
                    List.of("Version {ver} of {svc} cached every response object in a map keyed by request id and "
                                    + "never evicted them. Heap usage grew by about {n} MB an hour until the JVM spent "
                                    + "all its time in garbage collection and then died with `{err}`.",
                            "{svc} opened a new HTTP client per request and never closed it. After about a day on "
                                    + "{host} the process hit its file descriptor limit."),
                    List.of("java.lang.OutOfMemoryError: Java heap space", "OOMKilled",
                            "accept4: too many open files", "FATAL ERROR: Reached heap limit Allocation failed"),
                    List.of("We restarted the pods on a schedule as a stopgap and shipped a fix that bounds the cache.",
                            "A fix that reuses one client was deployed; descriptor counts have been flat since."),
                    List.of("Alert on memory growth rate, not only on the absolute limit",
                            "Run a 24-hour soak test before releases of {svc}",
                            "Track open file descriptors per process on the dashboard")),
            new Cause("inefficient-query",
                    List.of("MySQL", "PostgreSQL", "MongoDB", "Elasticsearch"),
                    List.of("Slow {comp} query brings down {svc}",
                            "Missing index makes {svc} time out",
                            "{svc} search pegs {comp} CPU at 100%"),
                    List.of("A new report in {svc} ran a query on the `{table}` table without an index on the filtered "
                                    + "column. Each run scanned {rows} rows; with a dozen users opening the report the "
                                    + "{comp} primary ran out of CPU and every other query queued behind it.",
                            "An ORM change in {ver} turned one query per page into one query per item (N+1). Pages "
                                    + "with long lists issued hundreds of queries to {comp} and timed out."),
                    List.of("Query_time: 48.2 Rows_examined: 31877122", "canceling statement due to statement timeout",
                            "OperationTimeout: operation exceeded time limit"),
                    List.of("We added the missing index online and the query dropped from 40 s to 15 ms.",
                            "The report was disabled and the query rewritten with a join."),
                    List.of("Review EXPLAIN plans for new queries in code review",
                            "Enable the slow query log with a 1 s threshold and alert on it",
                            "Run reports against a read replica")),
            new Cause("dependency",
                    List.of("Stripe", "Twilio", "AWS S3", "SendGrid", "Auth0", "PayPal"),
                    List.of("{comp} outage blocks {svc}",
                            "{svc} degraded while {comp} was down",
                            "Third-party {comp} failure stops {svc}"),
                    List.of("{comp}, which {svc} calls for every request, had a regional outage. Our client had no "
                                    + "timeout configured, so threads waited on `{err}` until the whole worker pool "
                                    + "was blocked.",
                            "The vendor {comp} changed an API response without notice. {svc} could not parse it and "
                                    + "rejected every callback."),
                    List.of("SocketTimeoutException: Read timed out", "HTTP 503 from api.vendor.example",
                            "JSONDecodeError: Expecting value: line 1 column 1 (char 0)"),
                    List.of("We switched {svc} to the secondary provider and queued failed calls for retry.",
                            "Service recovered when {comp} fixed their side; queued jobs were replayed."),
                    List.of("Set timeouts and a circuit breaker on every call to {comp}",
                            "Keep a second provider warm for critical paths",
                            "Subscribe the on-call channel to {comp}'s status page")),
            new Cause("network",
                    List.of("HAProxy", "AWS VPC", "Cisco switches", "BGP", "Calico", "Cloudflare"),
                    List.of("Packet loss between data centers slows {svc}",
                            "{svc} unreachable after a network change",
                            "Partial network partition isolates {svc}"),
                    List.of("A firmware update on a top-of-rack switch in {dc} left one uplink flapping. About a "
                                    + "third of the packets between {svc} and its database were dropped, so requests "
                                    + "retried until they timed out with `{err}`.",
                            "A route table change in {comp} removed the path from the {dc} subnet to the shared "
                                    + "services network. Hosts such as {host} could no longer reach {svc}."),
                    List.of("connect: no route to host", "i/o timeout", "TCP retransmission rate 31%"),
                    List.of("Traffic was drained from the faulty uplink and the switch was rolled back.",
                            "The missing route was restored and connectivity came back at once."),
                    List.of("Monitor packet loss between every pair of zones",
                            "Apply network changes through the same review as code",
                            "Document the rollback for every switch firmware update")),
            new Cause("dns",
                    List.of("DNS", "CoreDNS", "Route 53", "BIND", "Cloudflare DNS"),
                    List.of("{svc} unreachable after a DNS change",
                            "CoreDNS overload causes lookup failures for {svc}",
                            "Expired domain delegation breaks {svc}"),
                    List.of("A record for {svc} was changed in {comp} with a TTL of 86400 seconds. The new address was "
                                    + "wrong, and resolvers kept serving it for a day after we fixed it: clients saw "
                                    + "`{err}`.",
                            "Pods in the cluster resolved external names through {comp} with `ndots:5`, so each lookup "
                                    + "became five queries. A traffic spike overloaded {comp} and lookups for {svc} "
                                    + "started failing."),
                    List.of("SERVFAIL", "NXDOMAIN", "getaddrinfo ENOTFOUND api.example.com",
                            "dial tcp: lookup db.internal on 10.96.0.10:53: server misbehaving"),
                    List.of("We corrected the record and asked the largest resolvers to flush their caches.",
                            "CoreDNS was scaled to six replicas and `ndots` lowered to 2."),
                    List.of("Lower TTLs a day before planned DNS changes",
                            "Alert on SERVFAIL ratio from the cluster resolvers",
                            "Keep DNS records in Git with review")),
            new Cause("certificate-expiry",
                    List.of("TLS", "Let's Encrypt", "nginx", "Kafka", "Istio"),
                    List.of("Expired TLS certificate breaks {svc}",
                            "{svc} clients rejected after certificate expiry",
                            "Certificate for {svc} expired overnight"),
                    List.of("The certificate for {svc} was issued for one year and renewed by hand. Renewal was owned "
                                    + "by an engineer who had left, the reminder went to a dead mailbox, and at expiry "
                                    + "clients failed with `{err}`.",
                            "The automatic renewal job for {comp} had been failing silently for weeks because its DNS "
                                    + "challenge token lacked permission on the new zone."),
                    List.of("x509: certificate has expired or is not yet valid",
                            "SSL_ERROR_EXPIRED_CERT_ALERT", "PKIX path validation failed: CertificateExpiredException"),
                    List.of("A new certificate was issued and deployed to all {comp} endpoints.",
                            "We fixed the renewal job's permissions and ran it by hand."),
                    List.of("Alert 30, 14 and 3 days before any certificate expires",
                            "Move all certificates to automatic renewal",
                            "List certificate owners in the service catalogue")),
            new Cause("time",
                    List.of("NTP", "chrony", "cron", "JWT", "Linux"),
                    List.of("Clock skew on {host} rejects {svc} tokens",
                            "Daylight saving change runs {svc} batch twice",
                            "Leap day bug stops {svc} billing"),
                    List.of("The NTP daemon on {host} had stopped months ago and its clock drifted {n} seconds ahead. "
                                    + "Tokens issued by {svc} on that host looked as if they came from the future and "
                                    + "were rejected with `{err}`.",
                            "The {svc} batch was scheduled in local time. When clocks went back the job ran twice and "
                                    + "charged some customers two times."),
                    List.of("JWT not valid yet (nbf claim)", "clock skew detected: 93s",
                            "DateTimeException: Invalid date 'February 29' as '2023' is not a leap year"),
                    List.of("We restarted the time daemon, stepped the clock and invalidated the affected tokens.",
                            "Duplicate charges were refunded and the job moved to UTC."),
                    List.of("Alert when any host's clock offset exceeds 500 ms",
                            "Schedule all jobs in UTC",
                            "Allow 60 seconds of clock skew when validating tokens")),
            new Cause("hardware",
                    List.of("RAID controller", "SSD", "power supply", "NIC", "bare-metal hosts"),
                    List.of("Disk failure on {host} degrades {svc}",
                            "{svc} down after a power supply failure in {dc}",
                            "Faulty NIC on {host} drops {svc} traffic"),
                    List.of("The {comp} in {host} failed during the nightly backup. The array rebuilt onto a spare "
                                    + "disk, and the rebuild saturated the disk bandwidth the {svc} database needed: "
                                    + "`{err}`.",
                            "One of two power feeds in {dc} was lost and a rack whose second supply had already failed "
                                    + "went dark, taking {svc}'s primary with it."),
                    List.of("blk_update_request: I/O error, dev sda, sector 19340288", "EXT4-fs error",
                            "kernel: mlx5_core: link down"),
                    List.of("We failed over to the replica in another rack and replaced the faulty part.",
                            "The host was drained and retired; its workload moved to spare capacity."),
                    List.of("Alert on degraded RAID arrays and failed power supplies",
                            "Keep database primaries and replicas in different racks",
                            "Test failover every quarter")),
            new Cause("human-error",
                    List.of("MySQL", "Kubernetes", "AWS console", "Ansible", "shell"),
                    List.of("Accidental deletion of {svc} data",
                            "Wrong cluster targeted during maintenance on {svc}",
                            "Manual command takes down {svc}"),
                    List.of("During routine cleanup an engineer ran a command meant for the staging {comp} against "
                                    + "production, because both terminals had the same prompt. The command removed "
                                    + "resources {svc} depends on, and requests failed with `{err}`.",
                            "A playbook was run with the wrong inventory file and restarted every {svc} node at the "
                                    + "same time instead of one by one."),
                    List.of("Error from server (NotFound): deployments.apps \"api\" not found",
                            "ERROR 1146 (42S02): Table 'shop.sessions' doesn't exist", "HTTP 503 Service Unavailable"),
                    List.of("The deleted resources were restored from the last backup and replayed from the binlog.",
                            "We recreated the resources from their manifests in Git."),
                    List.of("Colour production shell prompts red",
                            "Require a second person for destructive production commands",
                            "Take away standing production write access; grant it per task")),
            new Cause("security",
                    List.of("AWS IAM", "WAF", "nginx", "GitHub", "Vault"),
                    List.of("Leaked access key used to mine cryptocurrency",
                            "Credential stuffing attack locks out {svc} users",
                            "DDoS attack slows {svc}"),
                    List.of("An access key with broad permissions was committed to a public repository. Within hours "
                                    + "it was used to start instances in unused regions, and the account hit its "
                                    + "instance limit, so {svc} could not scale: `{err}`.",
                            "A botnet sent login attempts with leaked passwords from thousands of addresses. Rate "
                                    + "limits were per address, so {svc} locked out real users instead."),
                    List.of("InstanceLimitExceeded", "HTTP 429 Too Many Requests", "AccessDenied: the key has been revoked"),
                    List.of("We revoked the key, terminated the instances and rotated every secret in the repository.",
                            "A WAF rule blocked the attack pattern and locked accounts were reset."),
                    List.of("Scan every push for secrets",
                            "Rate-limit logins per account as well as per address",
                            "Use short-lived credentials instead of access keys")),
            new Cause("cascading-failure",
                    List.of("Kafka", "RabbitMQ", "Redis", "gRPC", "Envoy"),
                    List.of("Retry storm turns a {comp} blip into a full {svc} outage",
                            "{svc} failure cascades to every dependent service",
                            "Queue backlog in {comp} cascades into {svc} outage"),
                    List.of("A short {comp} failover made {svc} calls fail for a few seconds. Every client retried "
                                    + "immediately and without backoff, tripling the load, and {svc} never recovered "
                                    + "on its own: `{err}`.",
                            "Consumers of {comp} fell behind, the backlog grew to {n} thousand messages, and the "
                                    + "services waiting for replies timed out one after another."),
                    List.of("UNAVAILABLE: upstream connect error or disconnect/reset before headers",
                            "NotLeaderForPartitionException", "READONLY You can't write against a read only replica"),
                    List.of("We shed load at the edge, let {svc} recover, then let traffic back in slowly.",
                            "Consumers were scaled out and the backlog drained over two hours."),
                    List.of("Add exponential backoff with jitter to every client",
                            "Set retry budgets per service",
                            "Shed load early when queues grow")),
            new Cause("monitoring-gap",
                    List.of("Prometheus", "Grafana", "Datadog", "PagerDuty", "Alertmanager"),
                    List.of("{svc} failure went unnoticed for hours",
                            "Silent {svc} outage found by customers",
                            "Broken alert routing delays response to {svc} outage"),
                    List.of("{svc} failed in a way no alert covered: the health check returned 200 while every "
                                    + "real request failed with `{err}`. Customers noticed before we did.",
                            "The alert for {svc} fired in {comp} but was routed to a team channel nobody watched at "
                                    + "night, so the page never reached the on-call engineer."),
                    List.of("no data", "alert silenced until 2024-01-01", "HTTP 500 Internal Server Error"),
                    List.of("We fixed the underlying fault, then the alert routing.",
                            "A synthetic check for the real user path was added the same day."),
                    List.of("Alert on user-facing error rates, not only on health checks",
                            "Test paging end to end every week",
                            "Review alert routes whenever a team changes")));

    static final List<String> SERVICES = List.of("checkout", "payments", "search", "login", "notifications",
            "orders", "inventory", "billing", "media upload", "reporting", "the public API", "the mobile backend",
            "the admin dashboard", "recommendations", "shipping", "the customer portal", "webhooks", "messaging");

    /** Causes that often ride along with a primary one. */
    static final List<String> SECONDARY_CAUSES = List.of("monitoring-gap", "human-error", "cascading-failure",
            "capacity", "config-change");

    static final List<String> EVENTS = List.of("Black Friday sale", "product launch", "end-of-month billing run",
            "marketing email campaign", "live TV mention", "exam results release", "ticket sale");

    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "af-south-1", "ap-south-1", "eu-central-1");

    static final List<String> DATA_CENTERS = List.of("fra1", "lag2", "iad3", "bom1", "nbo1", "sfo2");

    static final List<String> TABLES = List.of("orders", "events", "sessions", "invoices", "audit_log", "users");

    static final List<String> TEAMS = List.of("platform", "database", "payments", "SRE", "networking", "security",
            "backend");

    static final List<String> ROLES = List.of("incident commander", "engineering manager", "database administrator",
            "network engineer", "team lead");

    static final List<String> DETECTIONS = List.of(
            "Alert `{alert}` fires and pages the on-call engineer.",
            "Customer support reports that users see errors in {svc}.",
            "Synthetic check from {region} fails three times in a row.",
            "On-call engineer notices the error rate of {svc} rising on the dashboard.",
            "A customer tweets that {svc} is down; support escalates to on-call.");

    static final List<String> MISLEADING = List.of(
            "Misleading path: the team suspects a recent {other} change and rolls it back. No effect.",
            "Assumption: {other} is overloaded. Its dashboards look healthy, which costs time.",
            "Engineers restart {svc} on {host}; errors stop for two minutes, then return.",
            "The network team checks for packet loss between zones. Nothing is found.",
            "The investigation focuses on {other} logs, which turn out to be unrelated.");

    static final List<String> ESCALATIONS = List.of(
            "Incident escalated to the {team} team.",
            "Severity raised to SEV-{sev}; the {role} joins the call.",
            "Escalated to the {team} on-call after the first fix did not help.",
            "Status page updated; the {role} takes over coordination.");

    static final List<String> INVESTIGATIONS = List.of(
            "Logs on {host} show `{err}`.",
            "Thread dump from {host} shows most workers blocked.",
            "Error rate for {svc} at {pct}% of requests.",
            "Graphs show the problem started right after {change}.",
            "{comp} metrics confirm the suspicion.",
            "Traffic shifted away from {region} as a precaution.");

    static final List<String> RESOLUTIONS = List.of(
            "Error rate back to baseline; incident resolved.",
            "All checks green for 15 minutes. Incident closed.",
            "Service fully restored and monitoring confirms recovery.",
            "Backlog drained; {svc} back to normal.");

    static final List<String> IMPACT_SUBJECTS = List.of("users", "requests", "API calls", "checkout attempts",
            "logins", "customers in {region}", "page views", "background jobs");

    static final List<String> OTHER_SYSTEMS = List.of("Redis", "the load balancer", "the CDN", "PostgreSQL",
            "the message queue", "Kubernetes", "the firewall", "DNS");

    static final List<String> CHANGES = List.of("the {ver} deploy", "a config push", "a schema migration",
            "a traffic shift", "the nightly backup");

    static final List<String> ALERTS = List.of("http_5xx_ratio > 5%", "p99_latency > 2s", "pod_restarts > 3",
            "queue_depth > 10000", "disk_free < 10%", "error_budget_burn_rate > 10");

    /** Paragraphs that make write-ups longer the way real ones are: context, detection, learnings. */
    static final List<String> BACKGROUND = List.of(
            "{svc} runs on {n} instances behind {comp} in {region}. It serves about {rps} requests per second at "
                    + "peak and depends on a primary database and a cache.",
            "This postmortem is blameless. Its goal is to understand how our systems and processes allowed the "
                    + "failure, not to find someone to blame.",
            "The service was migrated to the current platform last year. Some of its runbooks still describe the "
                    + "old setup, which mattered during this incident.",
            "{svc} is owned by the {team} team. On-call rotates weekly and the secondary is a member of the same team.");

    static final List<String> REFLECTIONS = List.of(
            "Detection took longer than it should have: the first alert only fired when the error rate passed "
                    + "{pct}%, well after users were affected.",
            "The runbook for {svc} did not mention {comp}, so the first responder had to find the right "
                    + "dashboards by hand.",
            "Rolling back was quick once the decision was made; most of the time went into finding the cause.",
            "Communication worked well: the status page was updated every 30 minutes and support had a macro for "
                    + "affected customers.",
            "We were lucky that the problem started during working hours in {region}; at night the response "
                    + "would have been slower.",
            "Several engineers investigated the same hypothesis in parallel because there was no single channel "
                    + "for the incident.");

    static final List<String> LESSONS = List.of("Alerts should follow what users experience.",
            "Every change needs a tested way back.", "Runbooks rot unless someone owns them.",
            "Timeouts are part of every interface.", "Dashboards that look green can still lie.",
            "One incident channel, one commander.");
}
