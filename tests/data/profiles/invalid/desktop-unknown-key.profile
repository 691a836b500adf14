# expect: desktop-unknown-key.profile:2: desktop.pulse_audio: unknown key (did you mean 'pulseaudio'?)
desktop = { pulse_audio = true; };
