/* flow: see the feature's module */
