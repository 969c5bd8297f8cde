package io.yardstick.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CLI's one JSON writer, made on first use: a command that prints no JSON (--version, --help, a
 * table) does not pay for Jackson's start-up.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
