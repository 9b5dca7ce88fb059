/**
 * The online session in stages. {@link org.naoyu.speller.session.OnlineSession} is the facade the command line and
 * the web server use; behind it, each class has one reason to change:
 * <ul>
 *   <li>{@code InputLoop}: the session thread pulling the signal and task-marker inlets, the settling hold-back
 *       and its replay, markers handed on in time order before the samples they mark;</li>
 *   <li>{@code PhaseMachine}: the phases (watching, calibration, training, free spelling, cued sentences), the
 *       transitions and the queued operator actions, the cue shown to the participant;</li>
 *   <li>{@code Decoding}: the model, the {@link org.naoyu.speller.session.SpellerPipeline} built from it and the
 *       bad channels;</li>
 *   <li>{@code CalibrationTraining}: training on a calibration, on its own thread;</li>
 *   <li>{@code Recordings}: the session's and the calibrations' XDF recordings, opened and closed;</li>
 *   <li>{@code EventPublisher} and {@code PipelineEvents}: the typed events
 *       ({@link org.naoyu.speller.session.event.SessionEvent}) to the {@code naoyu-speller} outlet and the
 *       observers, and the participant's screen ({@link org.naoyu.speller.session.ParticipantState});</li>
 *   <li>{@code StatusBoard}: the operator's status ({@link org.naoyu.speller.session.OperatorStatus}) and the
 *       housekeeping that re-assesses channel quality.</li>
 * </ul>
 * {@link org.naoyu.speller.session.Events} writes it all as JSON (Jackson; NaN as null). The package imports
 * neither the web server nor the command line: they import it.
 */
package org.naoyu.speller.session;
