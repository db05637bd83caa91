package org.compromiso.reminders;

/** Someone a reminder goes to, with the address and language to write in; no address means reported, not sent. */
record Recipient(String userId, String email, String language) {

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
