package io.yardstick.kpi;

import static io.yardstick.kpi.Part.*;

import io.yardstick.kpi.KpiSettings.CesMode;
import io.yardstick.kpi.KpiSettings.FcrDenominator;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KPI catalog: every KPI once, with its definition (read by docs/kpis.md, the API and the UI)
 * and its formula over {@link Part}s (read by the engine). A formula lives here and nowhere else.
 *
 * <pre>{@code
 * Kpi.byId("abandonment_rate").orElseThrow().formula();  // the written definition
 * }</pre>
 */
public enum Kpi {
  CONTACTS(
      "contacts",
      "Contacts",
      Unit.COUNT,
      Direction.NEUTRAL,
      "count of contacts whose arrived_at is in the period, all directions and channels (by channel: volume by"
          + " channel)",
      "Volume ('contacts offered' plus outbound) as contact-center reporting counts it (COPC CX Standard).",
      "3 phone calls and 2 e-mails arrived in the period: contacts = 5; by channel phone 3, email 2.",
      (p, s) -> p.count(N)),
  ABANDONMENT_RATE(
      "abandonment_rate",
      "Abandonment rate",
      Unit.PERCENT,
      Direction.LOWER_IS_BETTER,
      "inbound contacts abandoned (abandoned_at set, never answered) after waiting at least the short-abandon"
          + " threshold (default 5 s), divided by (answered inbound + those abandoned), x 100",
      "Abandon rate excluding short abandons, as ICMI and most ACDs report it; the threshold (5 s by default) is a"
          + " setting.",
      "8 answered inbound calls, 1 abandoned after 40 s, 1 after 3 s (short): 1 / (8 + 1) x 100 = 11.1%.",
      (p, s) -> pct(p.get(ABANDONED_LONG), sum(p.get(ANSWERED_IN), p.get(ABANDONED_LONG)))),
  SERVICE_LEVEL(
      "service_level",
      "Service level",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "answered inbound contacts whose wait (answered_at - arrived_at) is at most T seconds (default 20, settable"
          + " per channel), divided by (answered inbound + abandoned inbound that are not short), x 100",
      "The 'X% answered within Y seconds' service level (ICMI; 80/20 is the classic target). Variants by a"
          + " setting: one divides by answered inbound only, another adds short abandons to the denominator.",
      "8 answered inbound calls, 6 of them within 20 s, 1 long abandon, 1 short: 6 / (8 + 1) x 100 = 66.7%.",
      (p, s) ->
          pct(
              p.get(WITHIN_TARGET),
              switch (s.serviceLevelFormula()) {
                case ANSWERED_AND_ABANDONED -> sum(p.get(ANSWERED_IN), p.get(ABANDONED_LONG));
                case ANSWERED_ONLY -> p.get(ANSWERED_IN);
                case ALL_OFFERED -> sum(p.get(ANSWERED_IN), p.get(ABANDONED_ALL));
              })),
  ASA(
      "asa",
      "Average speed of answer",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean wait (answered_at - arrived_at) of answered inbound contacts",
      "ASA as defined by ICMI: queue time of answered contacts only; abandoned contacts are not in it.",
      "Answered inbound waits 10 s, 20 s and 60 s: (10 + 20 + 60) / 3 = 30 s.",
      (p, s) -> div(p.get(WAIT_SUM), p.get(ANSWERED_IN))),
  WAIT_OVER_LIMIT(
      "wait_over_limit",
      "Waits over the limit",
      Unit.PERCENT,
      Direction.LOWER_IS_BETTER,
      "share of (answered + abandoned, not short) inbound contacts that waited more than the wait limit (default"
          + " 180 s), x 100",
      "The 'longest acceptable wait' of contact-center practice; three minutes is the wait customers commonly call"
          + " too long (the limit is a setting).",
      "9 answered and 1 long-abandoned inbound calls; 1 answered after 200 s and the abandon after 240 s: 2 / 10 x 100"
          + " = 20%.",
      (p, s) ->
          pct(
              sum(p.get(ANSWERED_OVER_LIMIT), p.get(ABANDONED_OVER_LIMIT)),
              sum(p.get(ANSWERED_IN), p.get(ABANDONED_LONG)))),
  AHT(
      "aht",
      "Average handle time",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean of talk_s + hold_s + wrap_s (a missing part counts 0) over contacts with answered_at",
      "Handle time = talk + hold + after-contact work (ICMI, COPC).",
      "Two answered calls: 300 + 20 + 40 and 200 + 0 + 30: (360 + 230) / 2 = 295 s.",
      (p, s) -> div(p.get(HANDLE_SUM), p.get(ANSWERED))),
  TALK_TIME_AVG(
      "talk_time_avg",
      "Average call duration",
      Unit.SECONDS,
      Direction.NEUTRAL,
      "mean of talk_s + hold_s (a missing part counts 0) over contacts with answered_at",
      "Call duration as phone systems report it: from connect to hang-up, hold included, wrap-up excluded.",
      "Two answered calls: 300 + 20 and 200 + 0: (320 + 200) / 2 = 260 s.",
      (p, s) -> div(p.get(TALK_HOLD_SUM), p.get(ANSWERED))),
  WRITTEN_HANDLE_TIME_AVG(
      "written_handle_time_avg",
      "Average handle time (written)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean of talk_s + hold_s + wrap_s (a missing part counts 0) over written contacts: contacts with"
          + " first_response_at and without answered_at (answered by a reply, not picked up live; those are in"
          + " aht)",
      "Handle time of a written contact (e-mail, social, messaging) as help desks measure it per ticket: the"
          + " agent's working time on it, not the customer's wait (Zendesk's 'handle time'). ICMI and COPC keep"
          + " handle time apart per channel: a reply and a call are different work.",
      "Two e-mails replied to with 420 s and 180 s of work, one call answered live (in the average handle time),"
          + " one e-mail not replied to yet: (420 + 180) / 2 = 300 s.",
      (p, s) -> div(p.get(WRITTEN_HANDLE_SUM), p.get(WRITTEN))),
  WRITTEN_CONTACTS_PER_HOUR(
      "written_contacts_per_hour",
      "Written contacts per hour",
      Unit.RATIO,
      Direction.HIGHER_IS_BETTER,
      "written contacts (first_response_at and no answered_at, as written_handle_time_avg) divided by logged-in"
          + " hours (available + busy + wrap)",
      "Productivity per logged-in hour (ICMI) for the contacts answered by a reply, which contacts per hour (live"
          + " answers) leaves out: a desk agent's replies per hour.",
      "12 e-mails replied to over 4 logged-in hours: 12 / 4 = 3.",
      (p, s) -> div(p.get(WRITTEN), hours(sum(p.get(AVAILABLE_S), p.get(BUSY_S), p.get(WRAP_S))))),
  FRT_AVG(
      "frt_avg",
      "First response time (mean)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean over inbound contacts with a first response of (first_response_at, else answered_at) - arrived_at;"
          + " in business time with --business-hours",
      "First reply time as help desks measure it (Zendesk 'first reply time', Freshdesk 'first response time').",
      "Inbound e-mails answered after 1 h and 3 h, one never answered: (3600 + 10800) / 2 = 7200 s.",
      (p, s) -> div(p.get(FRT_SUM), p.get(FRT_N))),
  FRT_MEDIAN(
      "frt_median",
      "First response time (median)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "median of the first response times of frt_avg, by linear interpolation (percentile_cont(0.5))",
      "Medians resist the long tail of response times (Zendesk reports medians for this reason).",
      "First responses 60, 120, 600 and 3600 s: (120 + 600) / 2 = 360 s.",
      (p, s) -> p.get(Part.FRT_MEDIAN)),
  FRT_P90(
      "frt_p90",
      "First response time (90th percentile)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "90th percentile of the first response times of frt_avg, by linear interpolation (percentile_cont(0.9))",
      "Percentile targets ('90% answered within...') as in SRE-style service objectives; interpolation as SQL's"
          + " percentile_cont.",
      "First responses 60, 120, 600 and 3600 s: rank 0.9 x 3 = 2.7, 600 + 0.7 x (3600 - 600) = 2700 s.",
      (p, s) -> p.get(Part.FRT_P90)),
  EMAIL_RESPONSE_24H(
      "email_response_24h",
      "E-mails answered within 24 h",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "inbound email contacts whose first response (first_response_at, else answered_at) came within 24 h of"
          + " arrived_at, divided by inbound email contacts, x 100 (clock time)",
      "Customers expect an e-mail answer within a day (widely cited: about 80% expect a reply within 24 h).",
      "4 inbound e-mails: answered after 2 h, 20 h, 30 h, and never: 2 / 4 x 100 = 50%.",
      (p, s) -> pct(p.get(EMAIL_24H), p.get(EMAIL_IN))),
  CONVERSION_RATE(
      "conversion_rate",
      "Conversion rate",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "contacts with converted = true divided by contacts, x 100",
      "Sales conversion per contact, as sales and retention desks report it.",
      "20 contacts, 3 ended in a sale: 3 / 20 x 100 = 15%.",
      (p, s) -> pct(p.get(CONVERTED), p.get(N))),
  REVENUE(
      "revenue",
      "Revenue",
      Unit.MONEY,
      Direction.HIGHER_IS_BETTER,
      "sum of revenue over the contacts of the period; null when none has a revenue",
      "Revenue attributed to service contacts (sales and retention desks).",
      "Sales of 129.90 and 49.50: 179.40.",
      (p, s) -> positive(p.get(REVENUE_N)) ? p.get(REVENUE_SUM) : null),
  RESOLUTION_RATE(
      "resolution_rate",
      "Resolution rate",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "resolved cases divided by cases, x 100; a case is resolved when any of its contacts is (resolved = true, or"
          + " resolved empty and resolved_at set)",
      "Resolution rate per case (ticket), as help desks report solved tickets over created tickets.",
      "4 cases began in the period, 3 were resolved: 3 / 4 x 100 = 75%.",
      (p, s) -> pct(p.get(RESOLVED), p.get(Part.CASES))),
  FCR(
      "fcr",
      "First contact resolution",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "resolved cases with exactly one inbound contact divided by resolved cases, x 100; all contacts of a case"
          + " count, whenever they arrived",
      "FCR as SQM Group measures it (resolved without a repeat contact); a setting divides by all cases instead of"
          + " resolved cases.",
      "3 resolved cases: one with a single inbound contact, one with two, one with three: 1 / 3 x 100 = 33.3%.",
      (p, s) ->
          pct(
              p.get(RESOLVED_SINGLE),
              s.fcrDenominator() == FcrDenominator.ALL_CASES
                  ? p.get(Part.CASES)
                  : p.get(RESOLVED))),
  CONTACTS_PER_RESOLUTION(
      "contacts_per_resolution",
      "Contacts per resolution",
      Unit.RATIO,
      Direction.LOWER_IS_BETTER,
      "contacts (all directions, whenever they arrived) of resolved cases divided by resolved cases",
      "Contacts per resolution (SQM Group, ICMI), the effort a resolution costs.",
      "Resolved cases with 1, 2 and 3 contacts: (1 + 2 + 3) / 3 = 2.",
      (p, s) -> div(p.get(RESOLVED_CONTACTS), p.get(RESOLVED))),
  RESOLUTION_TIME_AVG(
      "resolution_time_avg",
      "Resolution time (mean)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean over resolved cases with a resolved_at of (latest resolved_at of the case - its first contact's"
          + " arrived_at); in business time with --business-hours",
      "Full resolution time as help desks report it (Zendesk 'full resolution time').",
      "Resolved cases taking 1 h and 5 h: (3600 + 18000) / 2 = 10800 s.",
      (p, s) -> div(p.get(RESOLUTION_SUM), p.get(RESOLUTION_N))),
  RESOLUTION_TIME_MEDIAN(
      "resolution_time_median",
      "Resolution time (median)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "median of the resolution times of resolution_time_avg, by linear interpolation",
      "As resolution_time_avg, summarised by the median, which resists the long tail.",
      "Resolved cases taking 1 h, 5 h and 50 h: 18000 s.",
      (p, s) -> p.get(RESOLUTION_MEDIAN)),
  CSAT(
      "csat",
      "Customer satisfaction (CSAT)",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "csat responses scoring 4 or 5 divided by csat responses, x 100",
      "CSAT as the share of satisfied responses (top-two-box on a 1-5 scale), as ACSI-style and help-desk surveys"
          + " report it.",
      "Scores 5, 4, 3, 1: 2 / 4 x 100 = 50%.",
      (p, s) -> pct(p.get(CSAT_SATISFIED), p.get(CSAT_N))),
  ESAT(
      "esat",
      "Employee satisfaction (ESAT)",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "esat responses scoring 4 or 5 divided by esat responses, x 100",
      "The CSAT formula on employee surveys (1-5).",
      "Scores 5, 5, 2: 2 / 3 x 100 = 66.7%.",
      (p, s) -> pct(p.get(ESAT_SATISFIED), p.get(ESAT_N))),
  NPS(
      "nps",
      "Net Promoter Score",
      Unit.SCORE,
      Direction.HIGHER_IS_BETTER,
      "percent of nps scores 9-10 minus percent of scores 0-6 (-100..100)",
      "Net Promoter Score (Reichheld, Harvard Business Review 2003; Bain & Company).",
      "Scores 10, 9, 8, 6, 0: 2/5 x 100 - 2/5 x 100 = 0.",
      (p, s) ->
          p.get(NPS_N) == null || p.get(NPS_N) == 0
              ? null
              : (p.get(NPS_PROMOTERS) - p.get(NPS_DETRACTORS)) * 100.0 / p.get(NPS_N)),
  CES(
      "ces",
      "Customer effort score",
      Unit.SCORE,
      Direction.LOWER_IS_BETTER,
      "mean ces score on 1-7, lower = less effort",
      "Customer Effort Score (Dixon, Freeman & Toman, Harvard Business Review 2010; CEB/Gartner CES 2.0 uses 1-7)."
          + " A setting reports the share of scores 1-3 instead.",
      "Scores 2, 3, 7: (2 + 3 + 7) / 3 = 4.",
      (p, s) ->
          s.cesMode() == CesMode.LOW_EFFORT_PERCENT
              ? pct(p.get(CES_LOW), p.get(CES_N))
              : div(p.get(CES_SUM), p.get(CES_N))),
  OCCUPANCY(
      "occupancy",
      "Occupancy",
      Unit.PERCENT,
      Direction.NEUTRAL,
      "(busy + wrap) divided by (available + busy + wrap) agent time, x 100; states clipped to the period",
      "Occupancy as workforce management defines it (ICMI): time handling contacts over time logged in and ready.",
      "An agent 6 h busy, 1 h wrap, 1 h available: (6 + 1) / 8 x 100 = 87.5%.",
      (p, s) ->
          pct(
              sum(p.get(BUSY_S), p.get(WRAP_S)),
              sum(p.get(AVAILABLE_S), p.get(BUSY_S), p.get(WRAP_S)))),
  IDLE_TIME_AVG(
      "idle_time_avg",
      "Idle time between contacts",
      Unit.SECONDS,
      Direction.NEUTRAL,
      "available agent time divided by contacts with answered_at (idle time between contacts)",
      "Average idle (available, not handling) time per handled contact, the complement of occupancy.",
      "2 h available and 40 answered contacts: 7200 / 40 = 180 s.",
      (p, s) -> positive(p.get(STATE_ROWS)) ? div(p.get(AVAILABLE_S), p.get(ANSWERED)) : null),
  CONTACTS_PER_HOUR(
      "contacts_per_hour",
      "Contacts per hour",
      Unit.RATIO,
      Direction.HIGHER_IS_BETTER,
      "contacts with answered_at divided by logged-in hours (available + busy + wrap)",
      "Productivity per logged-in hour (ICMI).",
      "40 answered contacts over 8 logged-in hours: 40 / 8 = 5.",
      (p, s) -> div(p.get(ANSWERED), hours(sum(p.get(AVAILABLE_S), p.get(BUSY_S), p.get(WRAP_S))))),
  ABSENCE_RATE(
      "absence_rate",
      "Absence rate",
      Unit.PERCENT,
      Direction.LOWER_IS_BETTER,
      "break time divided by (available + busy + wrap + break) time, x 100",
      "Share of scheduled time spent away (breaks), a part of shrinkage in workforce management.",
      "7 h logged in and 1 h on break: 1 / 8 x 100 = 12.5%.",
      (p, s) ->
          pct(
              p.get(BREAK_S),
              sum(p.get(AVAILABLE_S), p.get(BUSY_S), p.get(WRAP_S), p.get(BREAK_S)))),
  COST_PER_CONTACT(
      "cost_per_contact",
      "Cost per contact",
      Unit.MONEY,
      Direction.LOWER_IS_BETTER,
      "costs prorated by whole local days of overlap with the period (amount x overlap days / days of the cost"
          + " period), divided by contacts",
      "Cost per contact (COPC, MetricNet): total service cost over contacts handled.",
      "A monthly cost of 31,000 for March, a period of 10 March days with 500 contacts: 31000 x 10 / 31 / 500 = 20.",
      (p, s) -> div(p.get(COST), p.get(N))),
  COST_PER_RESOLUTION(
      "cost_per_resolution",
      "Cost per resolution",
      Unit.MONEY,
      Direction.LOWER_IS_BETTER,
      "costs prorated as for cost_per_contact, divided by resolved cases",
      "Cost per resolution (MetricNet's cost per ticket, counted per resolved case).",
      "10,000 of prorated cost and 400 resolved cases: 10000 / 400 = 25.",
      (p, s) -> div(p.get(COST), p.get(RESOLVED))),
  RETENTION_RATE(
      "retention_rate",
      "Customer retention",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "customers active at both the start and the end of the period, divided by customers active at its start, x 100"
          + " (that is (E - N) / S with N the new customers still active at the end). Active on day d: since <= d and"
          + " (no churned_at or churned_at > d); the start is the day before from, the end is to",
      "Customer retention rate (E - N) / S x 100, as in Reichheld's retention economics and SaaS reporting.",
      "100 customers active the day before the period, 5 of them churned by its end, 20 joined: 95 / 100 x 100 = 95%.",
      (p, s) -> pct(p.get(RETAINED), p.get(ACTIVE_START))),
  FORECAST_WAPE(
      "forecast_wape",
      "Forecast error (WAPE)",
      Unit.PERCENT,
      Direction.LOWER_IS_BETTER,
      "sum over the forecast intervals starting in the period of |forecast - actual inbound contacts|, divided by the"
          + " sum of actual inbound contacts, x 100; each interval of a channel takes the latest stored channel forecast"
          + " made before it began, at the channel's shortest forecast interval; only intervals that ended by the"
          + " latest stored contact count",
      "Weighted absolute percentage error (WAPE, also MAD/mean ratio), the accuracy measure contact-center forecasting"
          + " favours over MAPE because it is not blown up by quiet intervals (Hyndman & Athanasopoulos, Forecasting:"
          + " Principles and Practice, 3rd ed., section 5.8; Kolassa & Schuetz 2007).",
      "Intervals forecast 10, 20 and 30 contacts; 12, 18 and 30 came: (2 + 2 + 0) / (12 + 18 + 30) x 100 = 6.7%.",
      (p, s) -> pct(p.get(FORECAST_ABS_ERROR), p.get(FORECAST_ACTUAL))),
  SURVEY_INVITATIONS(
      "survey_invitations",
      "Survey invitations",
      Unit.COUNT,
      Direction.NEUTRAL,
      "count of survey invitations delivered in the period: e-mailed or posted to a webhook (by sent_at), or given"
          + " as a link for another channel (by created_at); scheduled, bounced, failed and cancelled ones are not"
          + " counted; none: no value",
      "Invitations sent, the denominator of the survey response rate as survey tools (Zendesk, Qualtrics) report it.",
      "4 invitations e-mailed and 1 link given in the period, 1 bounced: survey_invitations = 5.",
      (p, s) -> positive(p.get(INVITED)) ? p.count(INVITED) : null),
  SURVEY_RESPONSE_RATE(
      "survey_response_rate",
      "Survey response rate",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "invitations of survey_invitations that were answered (at any time), divided by survey_invitations, x 100",
      "Response rate as the share of delivered invitations answered (AAPOR's response rate counts eligible cases"
          + " reached; survey tools report answered / sent). Answers imported from other tools have no invitation and"
          + " are not in it.",
      "5 invitations delivered in the period, 2 answered: 2 / 5 x 100 = 40%.",
      (p, s) -> pct(p.get(INVITED_ANSWERED), p.get(INVITED))),
  SLA_ACHIEVEMENT(
      "sla_achievement",
      "SLA achievement",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "SLA targets met divided by SLA targets settled in the period, x 100; a target (first reply, each next reply,"
          + " each update period, resolution) settles when it is met (its reply or solve comes in time) or breached (it"
          + " falls due first); targets come from the sla_policies of the settings file (docs/sla.md)",
      "SLA achievement as Zendesk's SLA dashboard ('achieved' over achieved + breached targets) and Freshdesk's SLA"
          + " compliance report count it; targets per Zendesk's definitions of SLA metrics.",
      "3 first replies in time, 1 late, and 1 resolution late: 3 / 5 x 100 = 60%.",
      (p, s) -> pct(p.get(SLA_MET), p.get(SLA_SETTLED))),
  SLA_BREACHES(
      "sla_breaches",
      "SLA breaches",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "SLA targets that fell due in the period before their reply or solve (whether it came later or not yet); null"
          + " when no target settled in the period",
      "Breached SLA targets, as Zendesk and Freshdesk count violations of a policy.",
      "A first reply due at 10:00 came at 10:30 and a resolution due at 17:00 is still open: 2.",
      (p, s) -> positive(p.get(SLA_SETTLED)) ? p.count(SLA_BREACHED) : null),
  SLA_OVERRUN_AVG(
      "sla_overrun_avg",
      "Time past the SLA (mean)",
      Unit.SECONDS,
      Direction.LOWER_IS_BETTER,
      "mean over the SLA targets breached in the period of the counted time past their target (the reply or solve,"
          + " or the last refresh while still open, less the target), in the policy's business or calendar time",
      "How late breaches are, the complement of the time to breach that help desks show on open tickets.",
      "A 1 h first reply answered after 1 h 30 and a 8 h resolution still open after 10 h: (1800 + 7200) / 2 ="
          + " 4500 s.",
      (p, s) -> div(p.get(SLA_OVERRUN_SUM), p.get(SLA_BREACHED))),
  SLA_FIRST_REPLY_ACHIEVEMENT(
      "sla_first_reply_achievement",
      "SLA achievement: first reply",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "first-reply targets met divided by first-reply targets settled in the period, x 100 (as sla_achievement)",
      "Zendesk's 'first reply time' SLA metric, Freshdesk's 'first response' SLA target.",
      "4 first replies settled, 3 in time: 3 / 4 x 100 = 75%.",
      (p, s) -> pct(p.get(SLA_FIRST_REPLY_MET), p.get(SLA_FIRST_REPLY_SETTLED))),
  SLA_NEXT_REPLY_ACHIEVEMENT(
      "sla_next_reply_achievement",
      "SLA achievement: next reply",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "next-reply targets met divided by next-reply targets settled in the period, x 100; a next reply is due after"
          + " the oldest customer reply an agent has not answered yet",
      "Zendesk's 'next reply time' SLA metric (Freshdesk's 'every response').",
      "2 customer follow-ups answered in time, 2 late: 2 / 4 x 100 = 50%.",
      (p, s) -> pct(p.get(SLA_NEXT_REPLY_MET), p.get(SLA_NEXT_REPLY_SETTLED))),
  SLA_PERIODIC_UPDATE_ACHIEVEMENT(
      "sla_periodic_update_achievement",
      "SLA achievement: periodic update",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "update periods (from one agent reply to the next or to the solve) met divided by those settled in the period,"
          + " x 100; paused in the policy's pause statuses",
      "Zendesk's 'pausable update' SLA metric ('periodic update' when the policy pauses on nothing).",
      "5 update periods settled, 4 within the target: 4 / 5 x 100 = 80%.",
      (p, s) -> pct(p.get(SLA_PERIODIC_UPDATE_MET), p.get(SLA_PERIODIC_UPDATE_SETTLED))),
  SLA_RESOLUTION_ACHIEVEMENT(
      "sla_resolution_achievement",
      "SLA achievement: resolution",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "resolution targets met divided by resolution targets settled in the period, x 100; the clock runs from"
          + " creation to the last solve, paused in the policy's pause statuses and while solved",
      "Zendesk's 'agent work time' (pausing pending and on-hold) or 'requester wait time' (pausing pending) SLA"
          + " metrics, Freshdesk's 'resolution due' with the SLA timer off in pending statuses.",
      "2 resolutions in time, 1 late: 2 / 3 x 100 = 66.7%.",
      (p, s) -> pct(p.get(SLA_RESOLUTION_MET), p.get(SLA_RESOLUTION_SETTLED))),
  TICKETS_CREATED(
      "tickets_created",
      "Tickets created",
      Unit.COUNT,
      Direction.NEUTRAL,
      "tickets (cases in tickets or ticket_events) created in the period: created_at, else their first contact's"
          + " arrived_at, else their first event; null when none was (as for every ticket count)",
      "Created tickets, as Zendesk Explore and Freshdesk's helpdesk report count them (docs/data-format.md#tickets).",
      "3 tickets created on Monday, 2 on Tuesday: by day 3 and 2; the week 5.",
      (p, s) -> positive(p.get(Part.TICKETS_CREATED)) ? p.count(Part.TICKETS_CREATED) : null),
  TICKETS_SOLVED(
      "tickets_solved",
      "Tickets solved",
      Unit.COUNT,
      Direction.NEUTRAL,
      "solves in the period: status changes to solved or closed from any other status (a reopened ticket solved"
          + " again counts again; solved to closed does not)",
      "Solved tickets by solve date, against created tickets, as help-desk backlog reports set them side by side.",
      "A ticket solved on Monday, reopened and solved again on Wednesday, another solved and then closed on Tuesday: 3.",
      (p, s) -> positive(p.get(Part.SOLVES)) ? p.count(Part.SOLVES) : null),
  REOPEN_RATE(
      "reopen_rate",
      "Reopen rate",
      Unit.PERCENT,
      Direction.LOWER_IS_BETTER,
      "tickets created in the period that were solved and then took another status (new, open, pending, on_hold),"
          + " divided by the tickets created in the period that were ever solved, x 100",
      "Reopened tickets over solved tickets (Zendesk 'reopens', Freshdesk 'reopened tickets').",
      "4 tickets solved, 1 of them reopened after its solve: 1 / 4 x 100 = 25%.",
      (p, s) -> pct(p.get(TICKETS_REOPENED), p.get(TICKETS_EVER_SOLVED))),
  ONE_TOUCH_RESOLUTION(
      "one_touch_resolution",
      "One-touch resolution",
      Unit.PERCENT,
      Direction.HIGHER_IS_BETTER,
      "tickets created in the period, solved or closed now, with exactly one public agent reply, divided by those"
          + " solved or closed now, x 100",
      "One-touch tickets as Zendesk defines them (solved with one agent reply); compare fcr, which counts contacts.",
      "4 solved tickets with 1, 1, 2 and 3 agent replies: 2 / 4 x 100 = 50%.",
      (p, s) -> pct(p.get(TICKETS_ONE_TOUCH), p.get(TICKETS_SOLVED_NOW))),
  REPLIES_PER_TICKET(
      "replies_per_ticket",
      "Replies per solved ticket",
      Unit.RATIO,
      Direction.LOWER_IS_BETTER,
      "public agent replies of the tickets created in the period and solved or closed now, divided by those tickets",
      "Zendesk's 'agent replies' per solved ticket, the effort a solve takes.",
      "Solved tickets with 1, 1, 2 and 4 agent replies: 8 / 4 = 2.",
      (p, s) -> div(p.get(TICKETS_SOLVED_REPLIES), p.get(TICKETS_SOLVED_NOW))),
  BACKLOG(
      "backlog",
      "Backlog",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets created before the end of the period (by day: each day's end) whose status there was neither solved"
          + " nor closed (the latest status event before that instant, else the tickets file's status, else new)",
      "Open tickets at a point in time, the backlog help-desk managers watch (Zendesk's 'unsolved tickets').",
      "At Tuesday's end: 3 tickets open, 1 pending and 1 solved: 4.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(BACKLOG_OPEN) : null),
  BACKLOG_OVER_7D(
      "backlog_over_7d",
      "Backlog older than 7 days",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created more than 7 days (604800 s) before the end of the period; null"
          + " when the backlog is empty",
      "The ageing of the backlog: tickets waiting longer than a week.",
      "A backlog of 4 at Friday's end: created 2, 5, 9 and 20 days before: 2.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_OVER_7D) : null),
  BACKLOG_STATUS_NEW(
      "backlog_status_new",
      "Backlog: new",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) whose status at the period's end was new; null when the backlog is empty",
      "The backlog by status, as help desks list their unsolved tickets: not yet touched.",
      "A backlog of 5 at Friday's end: 1 new, 2 open, 1 pending, 1 on hold: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_STATUS_NEW) : null),
  BACKLOG_STATUS_OPEN(
      "backlog_status_open",
      "Backlog: open",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) whose status at the period's end was open; null when the backlog is empty",
      "The backlog by status: waiting for the team.",
      "A backlog of 5 at Friday's end: 1 new, 2 open, 1 pending, 1 on hold: 2.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_STATUS_OPEN) : null),
  BACKLOG_STATUS_PENDING(
      "backlog_status_pending",
      "Backlog: pending",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) whose status at the period's end was pending; null when the backlog is empty",
      "The backlog by status: waiting for the customer.",
      "A backlog of 5 at Friday's end: 1 new, 2 open, 1 pending, 1 on hold: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_STATUS_PENDING) : null),
  BACKLOG_STATUS_ON_HOLD(
      "backlog_status_on_hold",
      "Backlog: on hold",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) whose status at the period's end was on_hold; null when the backlog is empty",
      "The backlog by status: waiting for a third party.",
      "A backlog of 5 at Friday's end: 1 new, 2 open, 1 pending, 1 on hold: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_STATUS_ON_HOLD) : null),
  BACKLOG_AGE_UNDER_1D(
      "backlog_age_under_1d",
      "Backlog aged up to 1 day",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created at most 1 day (86400 s) before the period's end; null when the backlog is empty",
      "The ageing of the backlog in buckets (under 1 day, 1-3, 3-7, 7-30, over 30 days), as help-desk ageing reports.",
      "A backlog of 4 at Friday's end: created 12 hours, 2 days, 5 days and 20 days before: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_AGE_UNDER_1D) : null),
  BACKLOG_AGE_1_3D(
      "backlog_age_1_3d",
      "Backlog aged 1 to 3 days",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created more than 1 day and at most 3 days (259200 s) before the period's end; null when the backlog is empty",
      "The ageing of the backlog in buckets (under 1 day, 1-3, 3-7, 7-30, over 30 days), as help-desk ageing reports.",
      "A backlog of 4 at Friday's end: created 12 hours, 2 days, 5 days and 20 days before: 0.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_AGE_1_3D) : null),
  BACKLOG_AGE_3_7D(
      "backlog_age_3_7d",
      "Backlog aged 3 to 7 days",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created more than 3 days and at most 7 days (604800 s) before the period's end; null when the backlog is empty",
      "The ageing of the backlog in buckets (under 1 day, 1-3, 3-7, 7-30, over 30 days), as help-desk ageing reports.",
      "A backlog of 4 at Friday's end: created 12 hours, 2 days, 5 days and 20 days before: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_AGE_3_7D) : null),
  BACKLOG_AGE_7_30D(
      "backlog_age_7_30d",
      "Backlog aged 7 to 30 days",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created more than 7 days and at most 30 days (2592000 s) before the period's end; null when the backlog is empty",
      "The ageing of the backlog in buckets (under 1 day, 1-3, 3-7, 7-30, over 30 days), as help-desk ageing reports.",
      "A backlog of 4 at Friday's end: created 12 hours, 2 days, 5 days and 20 days before: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_AGE_7_30D) : null),
  BACKLOG_AGE_OVER_30D(
      "backlog_age_over_30d",
      "Backlog aged over 30 days",
      Unit.COUNT,
      Direction.LOWER_IS_BETTER,
      "tickets of the backlog (as backlog) created more than 30 days (2592000 s) before the period's end; null when the backlog is empty",
      "The ageing of the backlog in buckets (under 1 day, 1-3, 3-7, 7-30, over 30 days), as help-desk ageing reports.",
      "A backlog of 4 at Friday's end: created 12 hours, 2 days, 5 days and 20 days before: 1.",
      (p, s) -> positive(p.get(BACKLOG_OPEN)) ? p.count(Part.BACKLOG_AGE_OVER_30D) : null);

  /** What a KPI's value is measured in. */
  public enum Unit {
    COUNT,
    PERCENT,
    SECONDS,
    SCORE,
    RATIO,
    MONEY
  }

  /** Whether a higher value is better, lower is better, or neither (volume). */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
  }

  /** A KPI's value from the parts of one group, under the settings; null without data. */
  @FunctionalInterface
  interface Formula {
    Number compute(PartValues parts, KpiSettings settings);
  }

  private final String id;
  private final String displayName;
  private final Unit unit;
  private final Direction direction;
  private final String formula;
  private final String source;
  private final String example;
  private final Formula compute;
  private Set<Part> parts;

  Kpi(
      String id,
      String displayName,
      Unit unit,
      Direction direction,
      String formula,
      String source,
      String example,
      Formula compute) {
    this.id = id;
    this.displayName = displayName;
    this.unit = unit;
    this.direction = direction;
    this.formula = formula;
    this.source = source;
    this.example = example;
    this.compute = compute;
  }

  /** The stable snake_case id used by the CLI, the API, goals and alerts. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Unit unit() {
    return unit;
  }

  public Direction direction() {
    return direction;
  }

  /** The written definition. */
  public String formula() {
    return formula;
  }

  /** The convention it follows, with its source. */
  public String source() {
    return source;
  }

  /** A worked example with its arithmetic. */
  public String example() {
    return example;
  }

  /**
   * The parts its formula reads (found by evaluating the formula once under every setting variant).
   */
  public synchronized Set<Part> parts() {
    if (parts == null) {
      EnumSet<Part> read = EnumSet.noneOf(Part.class);
      PartValues recorder = new PartValues(read);
      for (KpiSettings.ServiceLevelFormula slf : KpiSettings.ServiceLevelFormula.values()) {
        for (FcrDenominator fd : FcrDenominator.values()) {
          for (CesMode cm : CesMode.values()) {
            KpiSettings d = KpiSettings.defaults();
            compute.compute(
                recorder,
                new KpiSettings(
                    d.shortAbandonSeconds(),
                    d.serviceLevelSeconds(),
                    d.serviceLevelSecondsByChannel(),
                    slf,
                    d.waitLimitSeconds(),
                    fd,
                    cm,
                    d.calendars(),
                    d.benchmarks()));
          }
        }
      }
      parts = Set.copyOf(read);
    }
    return parts;
  }

  /**
   * The parts in the order the formula first reads them under the default settings (the numerator
   * first).
   */
  public List<Part> partsInOrder() {
    java.util.LinkedHashSet<Part> read = new java.util.LinkedHashSet<>();
    compute.compute(new PartValues(read), KpiSettings.defaults());
    return List.copyOf(read);
  }

  /** The bases its parts come from. */
  public Set<Base> bases() {
    EnumSet<Base> bases = EnumSet.noneOf(Base.class);
    parts().forEach(p -> bases.add(p.base()));
    return bases;
  }

  /**
   * The rows a drill-down of this KPI lists (issue 12, part 7): the rows of one base that its
   * denominator counts (or, for a mean or a median, the rows it averages; for a KPI over time, the
   * agent states whose seconds it adds; for a cost, the cost rows it prorates), each marked with
   * the numerator's parts whose condition it meets. Written next to the formulas so that a new KPI
   * must say what its number counts; a test recomputes every KPI from its rows.
   *
   * <pre>{@code
   * Kpi.CSAT.rows(settings);  // Rows[base=SURVEYS, population=[CSAT_N], counted=[CSAT_SATISFIED]]
   * }</pre>
   */
  public Rows rows(KpiSettings s) {
    return switch (this) {
      case CONTACTS -> Rows.of(List.of(N));
      case ABANDONMENT_RATE -> Rows.of(List.of(ANSWERED_IN, ABANDONED_LONG), ABANDONED_LONG);
      case SERVICE_LEVEL ->
          Rows.of(
              switch (s.serviceLevelFormula()) {
                case ANSWERED_AND_ABANDONED -> List.of(ANSWERED_IN, ABANDONED_LONG);
                case ANSWERED_ONLY -> List.of(ANSWERED_IN);
                case ALL_OFFERED -> List.of(ANSWERED_IN, ABANDONED_ALL);
              },
              WITHIN_TARGET);
      case ASA -> Rows.of(List.of(ANSWERED_IN));
      case WAIT_OVER_LIMIT ->
          Rows.of(List.of(ANSWERED_IN, ABANDONED_LONG), ANSWERED_OVER_LIMIT, ABANDONED_OVER_LIMIT);
      case AHT, TALK_TIME_AVG -> Rows.of(List.of(ANSWERED));
      case WRITTEN_HANDLE_TIME_AVG -> Rows.of(List.of(WRITTEN));
      case WRITTEN_CONTACTS_PER_HOUR -> Rows.of(List.of(AVAILABLE_S, BUSY_S, WRAP_S));
      case FRT_AVG, FRT_MEDIAN, FRT_P90 -> Rows.of(List.of(FRT_N));
      case EMAIL_RESPONSE_24H -> Rows.of(List.of(EMAIL_IN), EMAIL_24H);
      case CONVERSION_RATE -> Rows.of(List.of(N), CONVERTED);
      case REVENUE -> Rows.of(List.of(REVENUE_N));
      case RESOLUTION_RATE -> Rows.of(List.of(Part.CASES), RESOLVED);
      case FCR ->
          Rows.of(
              List.of(s.fcrDenominator() == FcrDenominator.ALL_CASES ? Part.CASES : RESOLVED),
              RESOLVED_SINGLE);
      case CONTACTS_PER_RESOLUTION -> Rows.of(List.of(RESOLVED));
      case RESOLUTION_TIME_AVG, RESOLUTION_TIME_MEDIAN -> Rows.of(List.of(RESOLUTION_N));
      case CSAT -> Rows.of(List.of(CSAT_N), CSAT_SATISFIED);
      case ESAT -> Rows.of(List.of(ESAT_N), ESAT_SATISFIED);
      case NPS -> Rows.of(List.of(NPS_N), NPS_PROMOTERS, NPS_DETRACTORS);
      case CES ->
          s.cesMode() == CesMode.LOW_EFFORT_PERCENT
              ? Rows.of(List.of(CES_N), CES_LOW)
              : Rows.of(List.of(CES_N));
      case OCCUPANCY, CONTACTS_PER_HOUR -> Rows.of(List.of(AVAILABLE_S, BUSY_S, WRAP_S));
      case IDLE_TIME_AVG -> Rows.of(List.of(AVAILABLE_S));
      case ABSENCE_RATE -> Rows.of(List.of(AVAILABLE_S, BUSY_S, WRAP_S, BREAK_S), BREAK_S);
      case COST_PER_CONTACT, COST_PER_RESOLUTION -> Rows.of(List.of(COST));
      case RETENTION_RATE -> Rows.of(List.of(ACTIVE_START), RETAINED);
      case FORECAST_WAPE -> Rows.of(List.of(FORECAST_ACTUAL));
      case SURVEY_INVITATIONS -> Rows.of(List.of(INVITED));
      case SURVEY_RESPONSE_RATE -> Rows.of(List.of(INVITED), INVITED_ANSWERED);
      case SLA_ACHIEVEMENT -> Rows.of(List.of(SLA_SETTLED), SLA_MET);
      case SLA_BREACHES -> Rows.of(List.of(SLA_SETTLED), SLA_BREACHED);
      case SLA_OVERRUN_AVG -> Rows.of(List.of(SLA_BREACHED));
      case SLA_FIRST_REPLY_ACHIEVEMENT ->
          Rows.of(List.of(SLA_FIRST_REPLY_SETTLED), SLA_FIRST_REPLY_MET);
      case SLA_NEXT_REPLY_ACHIEVEMENT ->
          Rows.of(List.of(SLA_NEXT_REPLY_SETTLED), SLA_NEXT_REPLY_MET);
      case SLA_PERIODIC_UPDATE_ACHIEVEMENT ->
          Rows.of(List.of(SLA_PERIODIC_UPDATE_SETTLED), SLA_PERIODIC_UPDATE_MET);
      case SLA_RESOLUTION_ACHIEVEMENT ->
          Rows.of(List.of(SLA_RESOLUTION_SETTLED), SLA_RESOLUTION_MET);
      case TICKETS_CREATED -> Rows.of(List.of(Part.TICKETS_CREATED));
      case TICKETS_SOLVED -> Rows.of(List.of(Part.SOLVES));
      case REOPEN_RATE -> Rows.of(List.of(TICKETS_EVER_SOLVED), TICKETS_REOPENED);
      case ONE_TOUCH_RESOLUTION -> Rows.of(List.of(TICKETS_SOLVED_NOW), TICKETS_ONE_TOUCH);
      case REPLIES_PER_TICKET -> Rows.of(List.of(TICKETS_SOLVED_NOW));
      case BACKLOG -> Rows.of(List.of(BACKLOG_OPEN));
      case BACKLOG_OVER_7D -> Rows.of(List.of(Part.BACKLOG_OVER_7D));
      case BACKLOG_STATUS_NEW -> Rows.of(List.of(Part.BACKLOG_STATUS_NEW));
      case BACKLOG_STATUS_OPEN -> Rows.of(List.of(Part.BACKLOG_STATUS_OPEN));
      case BACKLOG_STATUS_PENDING -> Rows.of(List.of(Part.BACKLOG_STATUS_PENDING));
      case BACKLOG_STATUS_ON_HOLD -> Rows.of(List.of(Part.BACKLOG_STATUS_ON_HOLD));
      case BACKLOG_AGE_UNDER_1D -> Rows.of(List.of(Part.BACKLOG_AGE_UNDER_1D));
      case BACKLOG_AGE_1_3D -> Rows.of(List.of(Part.BACKLOG_AGE_1_3D));
      case BACKLOG_AGE_3_7D -> Rows.of(List.of(Part.BACKLOG_AGE_3_7D));
      case BACKLOG_AGE_7_30D -> Rows.of(List.of(Part.BACKLOG_AGE_7_30D));
      case BACKLOG_AGE_OVER_30D -> Rows.of(List.of(Part.BACKLOG_AGE_OVER_30D));
    };
  }

  /**
   * What a drill-down lists: the rows of {@code base} meeting any of the population's conditions
   * (all of them when one has none), each marked with the first counted part whose condition it
   * meets.
   */
  public record Rows(Base base, List<Part> population, List<Part> counted) {
    public Rows {
      population = List.copyOf(population);
      counted = List.copyOf(counted);
      for (Part p : population) {
        if (p.base() != base) throw new IllegalArgumentException(p + " is not a part of " + base);
      }
    }

    static Rows of(List<Part> population, Part... counted) {
      return new Rows(population.get(0).base(), population, List.of(counted));
    }

    /**
     * Whether the rows are a count (the KPI's denominator, or the rows of its mean), rather than
     * seconds or money.
     */
    public boolean counts() {
      return population.stream().allMatch(p -> p.agg() == Part.Agg.COUNT);
    }
  }

  /** Its value from one group's parts. */
  public Number compute(PartValues parts, KpiSettings settings) {
    Number v = compute.compute(parts, settings);
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) return null;
    return v;
  }

  public static Optional<Kpi> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id.strip())).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Kpi::id).toList();
  }

  private static Double pct(Double numerator, Double denominator) {
    if (numerator == null || denominator == null || denominator == 0) return null;
    return numerator * 100.0 / denominator;
  }

  private static Double div(Double numerator, Double denominator) {
    if (numerator == null || denominator == null || denominator == 0) return null;
    return numerator / denominator;
  }

  private static Double sum(Double... values) {
    double total = 0;
    for (Double v : values) {
      if (v == null) return null;
      total += v;
    }
    return total;
  }

  private static Double hours(Double seconds) {
    return seconds == null ? null : seconds / 3600.0;
  }

  private static boolean positive(Double v) {
    return v != null && v > 0;
  }
}
