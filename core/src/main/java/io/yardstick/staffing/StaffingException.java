package io.yardstick.staffing;

import io.yardstick.YardstickException;

/**
 * A staffing question that cannot be answered as asked: the message says which value and how to fix
 * it.
 */
public class StaffingException extends YardstickException {
  public StaffingException(String message) {
    super(message);
  }
}
