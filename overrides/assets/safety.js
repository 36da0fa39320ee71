/* safety: see the feature's module */
