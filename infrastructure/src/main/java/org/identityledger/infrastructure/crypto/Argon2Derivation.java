package org.identityledger.infrastructure.crypto;

/** One way of computing raw Argon2: the hasher picks the fastest that works on this machine. */
interface Argon2Derivation {

    /** The {@code length}-byte Argon2 output for the password's UTF-8 bytes at the shape's type, version, costs and salt. */
    byte[] derive(byte[] password, Argon2HashString shape, int length);
}
