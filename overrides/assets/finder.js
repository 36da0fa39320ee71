/* finder: see the feature's module */
