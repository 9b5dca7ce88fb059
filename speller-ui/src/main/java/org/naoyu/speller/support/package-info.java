/**
 * What every layer of the application shares and nothing else: the failure that carries an exit code, the build's
 * version, JSON through Jackson ({@link org.naoyu.speller.support.JsonText}), reading user text files with named
 * errors, numbers and tables for the terminal. Imports no other package of this module.
 */
package org.naoyu.speller.support;
