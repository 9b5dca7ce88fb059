/**
 * XDF (Extensible Data Format, the LSL file format): chunk reading and writing, clock synchronisation and
 * dejittering as pyxdf does them, segments at clock resets, and format errors that name the byte offset.
 */
package org.naoyu.datasets.xdf;
