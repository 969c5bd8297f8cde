package io.yardstick.kpi;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the KPI catalog as Markdown: docs/kpis.md is this text, checked by a test to stay in
 * step.
 */
public final class KpiCatalogDoc {
  private KpiCatalogDoc() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# KPI catalog\n\n");
    md.append(
        "Generated from `io.yardstick.kpi.Kpi` (the one place a formula is written); do not edit by hand.\n");
    md.append(
        "Regenerate with `./mvnw -q -pl core test -Dtest=KpiCatalogDocTest -Dyardstick.regenerateDocs=true`.\n\n");
    md.append(
        """
        ## Conventions

        - **Period**: the local dates from..to, both inclusive, in the report's time zone (an IANA name), that is
          [from 00:00, to+1 00:00) local time, whatever daylight-saving time does in between (a local day lasts 23 or
          25 hours on the change days). `--compare previous` adds the period of the same number of days just before.
        - **Units**: percentages are 0-100, durations are seconds, money is in the costs' and revenue's currency.
          A KPI without data is null (shown `-`), never 0 or NaN; `contacts` is 0 when nothing arrived.
        - **Period membership**: contacts by arrived_at; cases by the arrival of their first contact; surveys by
          submitted_at; agent states clipped to the period; costs prorated by whole local days of overlap;
          customers by being active on the day before the period and on its last day.
        - **Terms**: *answered* = answered_at set; *abandoned* = abandoned_at set and never answered; *wait* =
          answered_at (or abandoned_at) - arrived_at; a *short abandon* waited less than the short-abandon threshold
          (default 5 s; exactly 5 s is not short); *first response* = first_response_at, else answered_at; a *case*
          is the contacts sharing a case_id, or a contact without one on its own; its *first contact* is the
          earliest (ties: the smallest contact_id); it is *resolved* when any of its contacts is.
        - **Percentiles** interpolate linearly between closest ranks, as SQL's `percentile_cont`.

        ## Bases, groupings and filters

        Each KPI is computed from parts (filtered counts, sums and percentiles) of one or more bases; one SQL query
        per base computes the overall row and every group in a single scan. A KPI is null under a grouping its bases
        cannot take, and everywhere under a filter they cannot take, rather than showing a misleading total.

        | base | period membership | groups and filters by |
        | --- | --- | --- |
        | contacts | arrived_at | channel, direction, queue, topic, team, agent, customer attributes, time |
        | cases | first contact's arrived_at; all contacts of the case count, whenever they arrived | the first contact's dimensions and time |
        | surveys | submitted_at | the contact's dimensions when contact_id names a stored contact, else the survey's own agent_id and customer_id (other dimensions empty); time |
        | agent time | states clipped to the period and to each time bucket; a state without time in a group counts 0 s | agent, team (the team of the agent's latest contact in the period), time |
        | costs | amount x overlap days / days of the cost period | time buckets of a day or longer only; no filter |
        | customers | active on the day before the period (start) and on its last day (end); per time bucket likewise | customer attributes (filters too), day/week/month buckets |
        | forecasts | stored channel forecasts (`yardstick forecast`) of the intervals starting in the period that ended by the latest stored contact; each interval takes the latest forecast made before it began | channel, time |

        Help-desk tickets add two dimensions to the bases of tickets (contacts and cases by their case_id, SLA targets,
        tickets, solves, backlog; docs/sla.md): `priority` (the ticket's priority now, from its last priority event
        else its tickets row; an SLA target's is the one in force when it settled) groups and filters, and `tag` filters
        (`--where tag=vip,billing`: tickets with any of them); a ticket has several tags, so `--by tag` is refused.
        Other bases are null under such a filter.

        KPIs that combine agent time with contacts (idle_time_avg, contacts_per_hour) take the contacts of the same
        group: by agent, the contacts whose agent_id is the agent; by team, the contacts whose team is the team (an
        agent who moved teams in the period brings time to the newer team and contacts to each team they were
        handled in).

        Time buckets are local to the report zone: hour (local clock hours; on the autumn change day the repeated
        hour is one bucket of two hours, the skipped spring hour has none), day, ISO week (labelled `2026-W13`),
        month. A series grouped by one time bucket lists every bucket of the period, those without data too.

        ## Comparing agents (consistency)

        `yardstick consistency`, `GET /api/consistency` and the Agents page compare agents KPI by KPI: sample
        standard deviation, coefficient of variation (sd / mean), quartiles (Hyndman and Fan's method 7, as
        `percentile_cont`) and the agents outside Tukey's fences [Q1 - 1.5 IQR, Q3 + 1.5 IQR]. Every agent's value is
        the one `kpi --by agent,channel` gives (`kpi --by agent` for KPIs compared across all channels): one engine
        query, so the report, the scorecards, the agent report and the KPI table cannot disagree (a test across every
        face fails if one does).

        - **Like with like**: by default (`--split channel`, API `split=channel`) each KPI of contacts, cases and
          surveys is compared within each channel, so a phone agent's handle time is not set against an e-mail
          agent's. Agent-time KPIs (occupancy, idle_time_avg, contacts_per_hour, absence_rate) and esat have no
          channel and are compared across all agents. `--split none` compares all channels at once.
        - **Per hour, by the work done**: contacts_per_hour is compared among the agents with live contacts (an aht),
          written_contacts_per_hour among those with written ones (a written_handle_time_avg), so an e-mail agent's
          0 live contacts an hour is not an outlier among phone agents (the Agents page shows each agent's written
          figures, marked ✎, where their contacts are written).
        - **Only what an agent can have**: abandonment_rate is left out (an abandoned contact was never answered, so it
          carries no agent; every agent's rate would be 0). A KPI no agent has a value of in the slice (nps when its
          surveys name no agent or contact) is listed as unmeasured, not shown as an empty row.
        - **Enough contacts**: an agent is compared in a channel when they have at least `--min-contacts` (default 20)
          contacts there (in all channels for the KPIs compared across all agents). Each row states how many agents it
          compares.
        - The Agents page marks a scorecard value when it is the outlier's own value (the agent works that one
          channel, or the KPI is compared across all agents); every outlier is listed with its channel in the
          consistency table below the scorecards.

        ## Settings

        The variants below are set in the settings file (docs/settings.md); the definitions on this page are the
        defaults.

        | setting | default | effect |
        | --- | --- | --- |
        | `kpi.short_abandon_seconds` | 5 | abandons after a shorter wait are short: out of abandonment_rate, service_level and wait_over_limit |
        | `kpi.service_level.seconds` | 20 | the service-level target T |
        | `kpi.service_level.per_channel` | none | T per channel, for example chat: 30 |
        | `kpi.service_level.formula` | answered_and_abandoned | answered_only: divide by answered inbound only; all_offered: short abandons in the denominator too |
        | `kpi.wait_limit_seconds` | 180 | the limit of wait_over_limit |
        | `kpi.fcr.denominator` | resolved_cases | all_cases: FCR over every case that began in the period |
        | `kpi.ces.mode` | mean | low_effort_percent: the share of scores 1-3, x 100 |
        | `business_hours.NAME` | none | `--business-hours NAME` measures frt_* and resolution_time_* in open time; a contact arriving while closed counts from the next opening |

        """);
    md.append("## The catalog\n\n");
    md.append(
        "| id | name | unit | better | bases | benchmark |\n| --- | --- | --- | --- | --- | --- |\n");
    Map<Kpi, Benchmark> benchmarks = Benchmark.defaults();
    for (Kpi k : Kpi.values()) {
      Benchmark b = benchmarks.get(k);
      md.append("| `")
          .append(k.id())
          .append("` | ")
          .append(k.displayName())
          .append(" | ")
          .append(k.unit().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(better(k))
          .append(" | ")
          .append(
              k.bases().stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                  .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(b == null ? "" : b.text())
          .append(" |\n");
    }
    for (Kpi k : Kpi.values()) {
      md.append("\n### ").append(k.displayName()).append(" (`").append(k.id()).append("`)\n\n");
      md.append("- **Formula:** ").append(k.formula()).append("\n");
      md.append("- **Worked example:** ").append(k.example()).append("\n");
      md.append("- **Convention and source:** ").append(k.source()).append("\n");
      Benchmark b = benchmarks.get(k);
      if (b != null) {
        md.append("- **Benchmark:** ")
            .append(b.text())
            .append(" (")
            .append(b.source())
            .append(")\n");
      }
    }
    return md.toString();
  }

  private static String better(Kpi k) {
    return switch (k.direction()) {
      case HIGHER_IS_BETTER -> "higher";
      case LOWER_IS_BETTER -> "lower";
      case NEUTRAL -> "neither";
    };
  }
}
