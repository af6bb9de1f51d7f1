package dev.adapthub.core.event;

/** Something that happened in the hub, done by {@link #actor()} (an account name; null for the hub itself). */
public interface HubEvent {

    String actor();
}
