package io.yardstick.event;

import io.yardstick.YardstickException;

/**
 * An event batch that cannot be applied; the message names the event (its position and id) and what
 * to fix.
 */
public final class EventException extends YardstickException {
  public EventException(String message) {
    super(message);
  }
}
