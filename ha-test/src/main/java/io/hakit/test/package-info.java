/**
 * Test support for code that drives hakit's devices: simulator extensions for JUnit 5, a
 * throwaway certificate authority, and the reference topologies with throwaway certificates.
 */
package io.hakit.test;
