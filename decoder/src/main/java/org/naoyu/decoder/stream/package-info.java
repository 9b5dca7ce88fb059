/** Streaming inference: feature frames in, one decoded attempt out per cued or detected attempt. */
package org.naoyu.decoder.stream;
