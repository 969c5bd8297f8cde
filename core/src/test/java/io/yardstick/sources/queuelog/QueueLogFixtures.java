package io.yardstick.sources.queuelog;

/**
 * Hand-written queue_logs for the tests; times are seconds after 2026-01-01T10:00:00Z (1767261600).
 */
final class QueueLogFixtures {
  private QueueLogFixtures() {}

  /**
   * Every kind of event, in the native text form, with the field counts of several Asterisk
   * versions (c3's EXITWITHTIMEOUT has only a position, c6's CONNECT only a holdtime, as Asterisk
   * 1.x logged them).
   */
  static final String NATIVE =
      """
      1767261600|NONE|NONE|NONE|QUEUESTART|
      1767261610|NONE|support|SIP/alice|ADDMEMBER|
      1767261620|NONE|NONE|Agent/bob|AGENTLOGIN|SIP/bob-0001
      1767261700|c1|support|NONE|ENTERQUEUE||+34600111222|1
      1767261716|c1|support|Agent/bob|RINGNOANSWER|15000
      1767261720|c1|support|SIP/alice|CONNECT|20|1767261716.5|4
      1767261800|c2|support|NONE|ENTERQUEUE||600222333|2
      1767261845|c2|support|NONE|ABANDON|1|2|45
      1767261850|c3|sales|NONE|ENTERQUEUE||600444555
      1767261860|c4|sales|NONE|ENTERQUEUE||
      1767261861|c4|sales|NONE|EXITEMPTY|1|1|1
      1767261870|c5|support|NONE|ENTERQUEUE||600666777|1
      1767261875|c5|support|NONE|EXITWITHKEY|5|1|1|5
      1767261900|c1|support|SIP/alice|COMPLETECALLER|20|180|1
      1767261905|c6|support|NONE|ENTERQUEUE||600888999|1
      1767261910|c6|support|Agent/bob|CONNECT|5
      1767262010|c6|support|Agent/bob|BLINDTRANSFER|2001|from-internal|5|100|1
      1767262020|c7|support|NONE|ENTERQUEUE||600000001|1
      1767262030|c7|support|SIP/alice|CONNECT|10|c7b|2
      1767262090|c7|support|SIP/alice|ATTENDEDTRANSFER|BRIDGE|c7b|10|60|1
      1767262100|NONE|NONE|Agent/bob|PAUSE|lunch
      1767262150|c3|sales|NONE|EXITWITHTIMEOUT|1
      1767262400|NONE|NONE|Agent/bob|UNPAUSE|
      1767262500|c8|support|NONE|ENTERQUEUE||600000002|1
      1767262505|c8|support|Agent/bob|CONNECT|5|c8b|1
      1767262600|c9|support|NONE|ENTERQUEUE||600000003|1
      1767262700|NONE|support|SIP/alice|REMOVEMEMBER|
      1767262800|NONE|NONE|Agent/bob|AGENTLOGOFF|SIP/bob-0001|1180
      """;

  /**
   * A FreePBX queue with static members (Local/201@from-queue/n and Local/202@from-queue/n,
   * configured in the queue, so the log has no ADDMEMBER, AGENTLOGIN or PAUSE for them: only their
   * calls), and lines written more than once, as FreePBX logs do: the ENTERQUEUE of call ...101
   * seven times, the CONNECT of call ...110 twice. 19 lines, 7 of them repeats; 4 calls (3
   * answered, 1 abandoned); 3 busy periods (201: 2, 202: 1), and no known logged-in time.
   */
  static final String FREEPBX_STATIC_MEMBERS =
      """
      1767261600|NONE|NONE|NONE|QUEUESTART|
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261700|1767261700.101|400|NONE|ENTERQUEUE||600111222|1
      1767261712|1767261700.101|400|Local/201@from-queue/n|CONNECT|12|1767261702.102|3
      1767261800|1767261800.105|400|NONE|ENTERQUEUE||600222333|1
      1767261830|1767261800.105|400|NONE|ABANDON|1|1|30
      1767261832|1767261700.101|400|Local/201@from-queue/n|COMPLETEAGENT|12|120|1
      1767261900|1767261900.110|400|NONE|ENTERQUEUE||600333444|1
      1767261905|1767261900.110|400|Local/202@from-queue/n|CONNECT|5|1767261901.111|2
      1767261905|1767261900.110|400|Local/202@from-queue/n|CONNECT|5|1767261901.111|2
      1767262000|1767262000.120|400|NONE|ENTERQUEUE||600444555|1
      1767262010|1767262000.120|400|Local/201@from-queue/n|CONNECT|10|1767262001.121|4
      1767262070|1767262000.120|400|Local/201@from-queue/n|COMPLETEAGENT|10|60|1
      1767262085|1767261900.110|400|Local/202@from-queue/n|COMPLETECALLER|5|180|1
      """;
}
