/**
 * The secretariat's public address: where members write with questions, named by the site's footer,
 * the home page's notices and every e-mail that tells someone their access changed. One address,
 * not an administrator's own (the configured admins are people, and change).
 */
export const KANSLI_EMAIL = 'kansli@klimatkommunerna.se';
