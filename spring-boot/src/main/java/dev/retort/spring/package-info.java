/**
 * Spring Boot auto-configuration for Retort: upgrade at start-up before the database's users,
 * {@code retort.*} properties, an Actuator endpoint and health contributor.
 */
package dev.retort.spring;
