package io.yardstick.staffing;

/**
 * What a queue model predicts for one interval with a given number of agents. Shares are fractions
 * 0..1 here; the CLI and JSON show them as percentages.
 *
 * @param model which formula: {@code erlang_c} or {@code erlang_a}
 * @param agents agents answering the queue
 * @param servers agents x concurrency: the slots the model serves with
 * @param trafficErlangs offered load in Erlangs
 * @param serviceLevel share of offered contacts answered within the answer time (Erlang A: abandons
 *     count in the denominator, as in the {@code service_level} KPI)
 * @param asaSeconds mean wait of answered contacts; infinite when the queue is unstable (Erlang C
 *     with servers <= load)
 * @param probabilityWait share of contacts that find every slot busy and wait
 * @param occupancy carried load / servers: the share of the slots' time spent handling contacts
 * @param abandonment share of offered contacts that abandon (Erlang A); null for Erlang C, which
 *     assumes none
 */
public record QueueMetrics(
    String model,
    int agents,
    int servers,
    double trafficErlangs,
    double serviceLevel,
    double asaSeconds,
    double probabilityWait,
    double occupancy,
    Double abandonment) {}
