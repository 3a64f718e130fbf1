package io.nianbao.notify;

import io.nianbao.events.Channel;

/**
 * Where a notification goes: the inspector (or operator) it is for, the channel, and the address
 * on that channel (the e-mail address, or the webhook URL).
 */
public record Target(String inspector, Channel channel, String address) {

    static Target email(String inspector) {
        return new Target(inspector, Channel.EMAIL, inspector);
    }
}
