/**
 * What the HTTP edge needs from the service's machinery, as interfaces and the exceptions they
 * throw: the web layer depends on these, the infrastructure implements them, so the web never
 * imports an infrastructure class (an ArchUnit rule in web-api says so).
 */
package org.identityledger.command.port;
