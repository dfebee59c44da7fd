// Excerpt of betagouv/mon-aide-cyber mon-aide-cyber-api/src/infrastructure/adaptateurs/AdaptateurDeRestitutionPDF.ts after 38267942e75283adf1396e3682a51eab3ace8638 (Apache-2.0).
// TypeScript types removed. The diagnostic API's restitution route (routesAPIDiagnostic.ts) calls genereRestitution() -> genere() for every PDF download.
import { AdaptateurDeRestitution } from '../../adaptateurs/AdaptateurDeRestitution';
import puppeteer from 'puppeteer';

export class AdaptateurDeRestitutionPDF extends AdaptateurDeRestitution {
  // ...

  genere(mesures) {
    return Promise.all(mesures)
      .then((htmls) => generePdfs(htmls))
      .then((pdfs) => fusionnePdfs(pdfs))
      .catch((erreur) => {
        console.log('Erreur génération recos', erreur);
        throw new Error(erreur);
      });
  }

  // ...
}

// ...

const generePdfs = async (pagesHtml) => {
  const pagesHtmlRemplies = pagesHtml.filter(
    (pageHtml) =>
      pageHtml.entete !== '' &&
      pageHtml.corps !== '' &&
      pageHtml.piedPage !== '',
  );

  const navigateur = await lanceNavigateur();
  try {
    const pages = pagesHtmlRemplies.map((pageHtml) =>
      navigateur.newPage().then((page) =>
        page
          .setContent(pageHtml.corps)
          .then(() => page.pdf(formatPdfA4(pageHtml.entete, pageHtml.piedPage)))
          .catch((erreur) => {
            console.log(erreur);
            throw erreur;
          }),
      ),
    );
    return await Promise.all(pages);
  } catch (erreur) {
    console.log(erreur);
    throw erreur;
  } finally {
    navigateur.close();
  }
};

const formatPdfA4 = (enteteHtml, piedPageHtml) => ({
  format: 'A4',
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: enteteHtml,
  footerTemplate: piedPageHtml,
  margin: { bottom: '2cm', left: '1cm', right: '1cm', top: '23mm' },
});

const lanceNavigateur = () =>
  puppeteer.launch({
    // Documentation des arguments : https://peter.sh/experiments/chromium-command-line-switches/
    // Inspiration pour la liste utilisée ici : https://www.bannerbear.com/blog/ways-to-speed-up-puppeteer-screenshots/
    // Le but est d'avoir un Puppeteer le plus léger et rapide à lancer possible.
    args: [
      '--no-sandbox',
      '--font-render-hinting=none',
      '--disable-gpu',
      '--autoplay-policy=user-gesture-required',
      '--disable-accelerated-2d-canvas',
      '--disable-background-networking',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-breakpad',
      '--disable-client-side-phishing-detection',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-dev-shm-usage',
      '--disable-domain-reliability',
      '--disable-extensions',
      '--disable-features=AudioServiceOutOfProcess',
      '--disable-hang-monitor',
      '--disable-ipc-flooding-protection',
      '--disable-notifications',
      '--disable-offer-store-unmasked-wallet-cards',
      '--disable-popup-blocking',
      '--disable-print-preview',
      '--disable-prompt-on-repost',
      '--disable-renderer-backgrounding',
      '--disable-setuid-sandbox',
      '--disable-speech-api',
      '--disable-sync',
      '--hide-scrollbars',
      '--ignore-gpu-blacklist',
      '--metrics-recording-only',
      '--mute-audio',
      '--no-default-browser-check',
      '--no-first-run',
      '--no-pings',
      '--no-zygote',
      '--password-store=basic',
      '--single-process',
      '--use-gl=swiftshader',
      '--use-mock-keychain',
    ],
  });
