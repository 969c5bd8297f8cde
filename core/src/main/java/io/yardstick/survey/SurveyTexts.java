package io.yardstick.survey;

import io.yardstick.model.SurveyKind;
import java.util.Map;

/**
 * The built-in texts of invitations and of the answer page's question, in English, Spanish, Catalan
 * and Romanian. A rule's own {@code texts} replace {@code subject} and {@code question} per
 * language; the scale ends and the e-mail's fixed lines are always these.
 */
public final class SurveyTexts {
  private SurveyTexts() {}

  private static final Map<String, Map<String, String>> COMMON =
      Map.of(
          "en",
              Map.of(
                  "intro",
                  "Choose a score; one click records it, and you may add a comment on the page that opens.",
                  "optout",
                  "To receive no more surveys from us, open:",
                  "thanks",
                  "Thank you for your answer."),
          "es",
              Map.of(
                  "intro",
                  "Elija una puntuación; un clic la registra y puede añadir un comentario en la página que se"
                      + " abre.",
                  "optout",
                  "Para no recibir más encuestas nuestras, abra:",
                  "thanks",
                  "Gracias por su respuesta."),
          "ca",
              Map.of(
                  "intro",
                  "Trieu una puntuació; un clic la registra i podeu afegir un comentari a la pàgina que"
                      + " s'obre.",
                  "optout",
                  "Per no rebre més enquestes nostres, obriu:",
                  "thanks",
                  "Gràcies per la resposta."),
          "ro",
              Map.of(
                  "intro",
                  "Alegeți o notă; un clic o înregistrează și puteți adăuga un comentariu pe pagina care se"
                      + " deschide.",
                  "optout",
                  "Pentru a nu mai primi sondaje de la noi, deschideți:",
                  "thanks",
                  "Vă mulțumim pentru răspuns."));

  private static final Map<SurveyKind, Map<String, Map<String, String>>> KINDS =
      Map.of(
          SurveyKind.CSAT,
              Map.of(
                  "en",
                      Map.of(
                          "subject",
                          "How did we do?",
                          "question",
                          "How satisfied are you with the help you received?",
                          "low",
                          "very unsatisfied",
                          "high",
                          "very satisfied"),
                  "es",
                      Map.of(
                          "subject",
                          "¿Qué tal lo hicimos?",
                          "question",
                          "¿Cuán satisfecho está con la ayuda recibida?",
                          "low",
                          "muy insatisfecho",
                          "high",
                          "muy satisfecho"),
                  "ca",
                      Map.of(
                          "subject",
                          "Com ho hem fet?",
                          "question",
                          "Fins a quin punt esteu satisfet amb l'ajuda rebuda?",
                          "low",
                          "gens satisfet",
                          "high",
                          "molt satisfet"),
                  "ro",
                      Map.of(
                          "subject",
                          "Cum ne-am descurcat?",
                          "question",
                          "Cât de mulțumit sunteți de ajutorul primit?",
                          "low",
                          "foarte nemulțumit",
                          "high",
                          "foarte mulțumit")),
          SurveyKind.NPS,
              Map.of(
                  "en",
                      Map.of(
                          "subject",
                          "Would you recommend us?",
                          "question",
                          "How likely are you to recommend us to a" + " friend or colleague?",
                          "low",
                          "not at all likely",
                          "high",
                          "extremely likely"),
                  "es",
                      Map.of(
                          "subject",
                          "¿Nos recomendaría?",
                          "question",
                          "¿Qué probabilidad hay de que nos recomiende a un" + " amigo o colega?",
                          "low",
                          "nada probable",
                          "high",
                          "muy probable"),
                  "ca",
                      Map.of(
                          "subject",
                          "Ens recomanaríeu?",
                          "question",
                          "Quina probabilitat hi ha que ens recomaneu a un" + " amic o company?",
                          "low",
                          "gens probable",
                          "high",
                          "molt probable"),
                  "ro",
                      Map.of(
                          "subject",
                          "Ne-ați recomanda?",
                          "question",
                          "Cât de probabil este să ne recomandați unui" + " prieten sau coleg?",
                          "low",
                          "deloc probabil",
                          "high",
                          "foarte probabil")),
          SurveyKind.CES,
              Map.of(
                  "en",
                      Map.of(
                          "subject",
                          "Was it easy?",
                          "question",
                          "How much effort did it take to get your issue" + " handled?",
                          "low",
                          "very easy",
                          "high",
                          "very difficult"),
                  "es",
                      Map.of(
                          "subject",
                          "¿Fue fácil?",
                          "question",
                          "¿Cuánto esfuerzo le costó que resolviéramos su" + " consulta?",
                          "low",
                          "muy fácil",
                          "high",
                          "muy difícil"),
                  "ca",
                      Map.of(
                          "subject",
                          "Ha estat fàcil?",
                          "question",
                          "Quant d'esforç us ha costat que resolguéssim la" + " consulta?",
                          "low",
                          "molt fàcil",
                          "high",
                          "molt difícil"),
                  "ro",
                      Map.of(
                          "subject",
                          "A fost ușor?",
                          "question",
                          "Cât efort v-a costat rezolvarea problemei?",
                          "low",
                          "foarte ușor",
                          "high",
                          "foarte dificil")));

  /**
   * A built-in text: {@code subject}, {@code question}, {@code low}, {@code high} of a kind, or
   * {@code intro}, {@code optout}, {@code thanks}; English when the language has none.
   */
  public static String builtIn(SurveyKind kind, String language, String key) {
    Map<String, String> common = COMMON.getOrDefault(language, COMMON.get("en"));
    if (common.containsKey(key)) return common.get(key);
    Map<String, Map<String, String>> byLanguage =
        KINDS.getOrDefault(kind, KINDS.get(SurveyKind.CSAT));
    return byLanguage.getOrDefault(language, byLanguage.get("en")).get(key);
  }
}
