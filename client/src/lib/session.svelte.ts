// Session state shared across the app. Sign-in arrives with authentication; until then the server accepts
// everyone and this only records that it stopped doing so, so the layout can say why nothing loads.
export const session = $state({ signedOut: false });
