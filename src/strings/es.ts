import type { PluginStrings } from './en';

/**
 * Every string the plugin shows, in Spanish (Spain), as Flex templates (`{{name}}` placeholders): the same keys
 * and placeholders as `EN_STRINGS`. Product names (Segment, Flex, Unify, Studio, WhatsApp, SMS, Twilio) stay as they are.
 */
export const ES_STRINGS: PluginStrings = {
  UnifiedProfilesCustomerTabLabel: 'Cliente',
  UnifiedProfilesLoading: 'Buscando al cliente…',
  UnifiedProfilesNoName: 'Sin nombre registrado',
  UnifiedProfilesCustomerSince: 'Cliente desde el {{date}}',
  UnifiedProfilesSinceUnknown: 'Cliente desde – no disponible',
  UnifiedProfilesMatchedBy: 'Encontrado por {{identifier}}',
  UnifiedProfilesLinkedByAgent: 'Vinculado a esta tarea',
  UnifiedProfilesLinkedByStudio: 'Identificado antes de la tarea (Studio)',
  UnifiedProfilesMenuLabel: 'Acciones del cliente',
  UnifiedProfilesRefresh: 'Actualizar',
  UnifiedProfilesRefreshing: 'Actualizando…',
  UnifiedProfilesUpdated: 'Actualizado {{age}}',
  UnifiedProfilesStale: 'Actualizado {{age}} – no se ha podido actualizar: {{reason}}',
  UnifiedProfilesSearchAnother: 'Buscar otro cliente',
  UnifiedProfilesLink: 'Vincular a la tarea',
  UnifiedProfilesLinkFailed: 'No se ha podido vincular este cliente a la tarea.',
  UnifiedProfilesUnlinkFailed: 'No se ha podido desvincular este cliente de la tarea.',
  UnifiedProfilesLinkRetryHint: 'No se ha cambiado nada. Vuelve a intentarlo en un momento.',
  UnifiedProfilesWrapupNoteLabel: 'Nota de cierre (opcional)',
  UnifiedProfilesWrapupNoteHelp:
    'Se añade al historial del cliente al completar la tarea, para el próximo agente. {{count}} de {{max}} caracteres.',
  UnifiedProfilesOutboxWaitingTitle: 'Interacciones pendientes de registrar en Segment: {{count}}',
  UnifiedProfilesOutboxWaitingBody:
    'Segment o el servicio de perfiles no responde. Se guardan en este navegador y se envían en cuanto responda; puedes seguir trabajando.',
  UnifiedProfilesOutboxFullTitle: 'El registro de interacciones está lleno: {{count}} pendientes para Segment',
  UnifiedProfilesOutboxFullBody:
    'Interacciones no guardadas: {{refused}}. Pide a un administrador que pruebe la conexión en la pestaña Unify; lo pendiente se envía cuando Segment responda.',
  UnifiedProfilesUnlink: 'Desvincular de la tarea',
  UnifiedProfilesUnlinkTitle: '¿Desvincular este cliente?',
  UnifiedProfilesUnlinkBody:
    '¿No estás hablando con {{name}}? Desvincula a este cliente para que la conversación no se registre en el cliente equivocado. Su perfil en Segment no se modifica.',
  UnifiedProfilesUnlinkConfirm: 'Desvincular',
  UnifiedProfilesCancel: 'Cancelar',

  UnifiedProfilesHighlightsHeading: 'Lo más destacado',
  UnifiedProfilesHighlightsHint: 'Pasa el cursor sobre una línea o sitúa el foco en ella para ver de dónde procede.',
  UnifiedProfilesHighlightValue: 'Valor de vida del cliente: {{amount}}',
  UnifiedProfilesHighlightPredictedValue: 'Valor de vida previsto: {{amount}}',
  UnifiedProfilesHighlightChurn: 'Riesgo de abandono: {{band}}',
  UnifiedProfilesHighlightPurchase: 'Probabilidad de compra: {{band}}',
  UnifiedProfilesHighlightTrait: '{{trait}}: {{value}}',
  UnifiedProfilesHighlightPlan: 'Con el plan {{plan}}',
  UnifiedProfilesHighlightLastInteraction: 'Último contacto {{when}}: {{summary}}',
  UnifiedProfilesHighlightInbounds: '{{count}} contactos entrantes',
  UnifiedProfilesHighlightInboundsChannel: '{{count}} contactos entrantes, sobre todo por {{channel}}',
  UnifiedProfilesHighlightIssue: 'Abrió una solicitud de soporte {{when}}: {{subject}}',
  UnifiedProfilesSourceTrait: 'Del atributo «{{trait}}» ({{key}})',
  UnifiedProfilesSourceEvent: 'Del evento «{{event}}» del {{time}}',

  UnifiedProfilesGroupAccount: 'Cuenta',
  UnifiedProfilesGroupContact: 'Ubicación y preferencias',
  UnifiedProfilesGroupComputed: 'Actividad (calculada por Segment)',
  UnifiedProfilesGroupPredictions: 'Predicciones',
  UnifiedProfilesGroupOther: 'Otros atributos',
  UnifiedProfilesTraitFilterLabel: 'Filtrar atributos',
  UnifiedProfilesTraitFilterNone: 'Ningún atributo coincide con «{{filter}}».',
  UnifiedProfilesTraitShowAll: 'Mostrar los {{count}} atributos',
  UnifiedProfilesAudiencesHeading: 'Audiencias',
  UnifiedProfilesIdentifiersHeading: 'Identificadores',
  UnifiedProfilesAccountsHeading: 'Cuenta de empresa',
  UnifiedProfilesNoTraits: 'Este cliente aún no tiene atributos registrados.',
  UnifiedProfilesValueMissing: 'Sin definir',
  UnifiedProfilesYes: 'Sí',
  UnifiedProfilesNo: 'No',
  UnifiedProfilesObjectSummary: '{{count}} campos: {{keys}}',
  UnifiedProfilesObjectRaw: 'Todos los campos',
  UnifiedProfilesBandTop: '25 % superior – por encima de la media',
  UnifiedProfilesBandAverage: 'En la media',
  UnifiedProfilesBandBottom: '25 % inferior – por debajo de la media',
  UnifiedProfilesRiskHigh: 'Alto – 25 % superior',
  UnifiedProfilesRiskAverage: 'Medio',
  UnifiedProfilesRiskLow: 'Bajo – 25 % inferior',
  UnifiedProfilesPercentileExact: 'Percentil: {{percent}} (por encima de ese porcentaje de clientes)',
  UnifiedProfilesChannelVoice: 'Voz',
  UnifiedProfilesChannelSms: 'SMS',
  UnifiedProfilesChannelWhatsApp: 'WhatsApp',
  UnifiedProfilesChannelWeb: 'Chat web',
  UnifiedProfilesChannelEmail: 'Correo electrónico',
  UnifiedProfilesChannelMessenger: 'Messenger',
  UnifiedProfilesIdentifierUserId: 'ID de usuario',
  UnifiedProfilesIdentifierEmail: 'Correo electrónico',
  UnifiedProfilesIdentifierPhone: 'Teléfono',
  UnifiedProfilesIdentifierAnonymousId: 'ID anónimo',
  UnifiedProfilesIdentifierGroupId: 'ID de cuenta',
  UnifiedProfilesIdentifierGaClientId: 'ID de cliente de Google Analytics',
  // Customer tab layout (admin-set)
  UnifiedProfilesHistoryHiddenByLayout:
    'Ninguno de los eventos que un administrador eligió mostrar está en la actividad cargada hasta ahora; los demás eventos están ocultos por la configuración de Unify.',
  UnifiedProfilesSearchIntroTypes: 'Busca por uno de estos: {{types}}.',
  UnifiedProfilesSearchTypeOff:
    'La búsqueda por {{type}} no está activada en la configuración de Unify: elige uno de los tipos ofrecidos.',
  UnifiedProfilesSearchOff: 'Un administrador ha desactivado la búsqueda de clientes en la configuración de Unify.',

  UnifiedProfilesHistoryHeading: 'Historial',
  UnifiedProfilesHistoryFilterLabel: 'Mostrar',
  UnifiedProfilesHistoryKindAll: 'Toda la actividad',
  UnifiedProfilesHistoryKindFlex: 'Interacciones con el centro de contacto',
  UnifiedProfilesHistoryKindOrder: 'Pedidos y pagos',
  UnifiedProfilesHistoryKindWeb: 'Sitio web y app',
  UnifiedProfilesHistoryKindSupport: 'Solicitudes de soporte',
  UnifiedProfilesHistoryKindOther: 'Otros eventos',
  UnifiedProfilesHistoryToday: 'Hoy',
  UnifiedProfilesHistoryYesterday: 'Ayer',
  UnifiedProfilesHistoryExternal: 'de Segment',
  UnifiedProfilesHistoryFlexInitiated: 'Conversación',
  UnifiedProfilesHistoryFlexCompleted: 'Cierre',
  UnifiedProfilesHistoryPageViewed: 'Vio una página',
  UnifiedProfilesHistoryScreenViewed: 'Vio una pantalla',
  UnifiedProfilesHistoryIdentify: 'Perfil actualizado',
  UnifiedProfilesHistoryGroup: 'Se unió a una cuenta',
  // The channel comes first in Spanish ("Voz entrante"), so the fallback word starts the line: capitalised.
  UnifiedProfilesHistoryInbound: '{{channel}} entrante',
  UnifiedProfilesHistoryOutbound: '{{channel}} saliente',
  UnifiedProfilesHistoryInteraction: 'Interacción',
  UnifiedProfilesHistoryQueue: 'cola {{queue}}',
  UnifiedProfilesHistorySentiment: 'sentimiento {{sentiment}}',
  UnifiedProfilesHistoryEmpty:
    'No hay actividad en los últimos 14 días (Segment conserva 14 días de eventos para esta vista).',
  UnifiedProfilesHistoryFilterEmpty: 'No hay nada de este tipo en la actividad cargada hasta ahora.',
  UnifiedProfilesHistoryViewMore: 'Ver más',
  UnifiedProfilesHistoryMoreFailed:
    'No se ha podido cargar la actividad anterior. Vuelve a pulsar «Ver más» dentro de un momento.',
  UnifiedProfilesHistoryDegraded:
    'Segment no responde en este momento: puede faltar actividad reciente. Lo que se muestra se cargó antes.',

  UnifiedProfilesNotFoundTitle: 'Ningún cliente coincide con este contacto',
  UnifiedProfilesNotFoundFor: 'No hay ningún cliente con {{identifier}}',
  UnifiedProfilesNotFoundBody: 'Busca por otro identificador o continúa sin perfil.',
  UnifiedProfilesSearchTitle: 'Buscar al cliente',
  UnifiedProfilesSearchIntro: 'Busca por correo electrónico, teléfono, ID de usuario o ID anónimo.',
  UnifiedProfilesSearchFailedFor: 'No se ha podido buscar por {{identifier}}.',
  UnifiedProfilesErrorTitle: 'No se ha podido cargar el perfil del cliente',
  UnifiedProfilesRetry: 'Reintentar',
  UnifiedProfilesSearchTypeLabel: 'Buscar por',
  UnifiedProfilesSearchLabel: 'Buscar un cliente',
  UnifiedProfilesSearchPlaceholder: 'Buscar por {{type}}',
  UnifiedProfilesSearchHelp:
    'Escribe un valor: el correo electrónico o el teléfono se reconocen mientras escribes, y una sola palabra se busca como ID de usuario.',
  UnifiedProfilesSearchButton: 'Buscar',
  UnifiedProfilesSearchEmpty: 'Escribe un valor para buscar.',
  UnifiedProfilesSearchBadEmail:
    'No es una dirección de correo electrónico: necesita un nombre, una @ y un dominio, como ana@example.com.',
  UnifiedProfilesSearchBadPhone:
    'No es un número de teléfono: usa dígitos, con el prefijo internacional, como +1 415 555 0100.',
  UnifiedProfilesSearchBadId: 'Un {{type}} no puede contener espacios ni los caracteres / \\ ? # %.',
  UnifiedProfilesNetworkError:
    'No se ha podido conectar con el servicio de perfiles. Comprueba tu conexión y vuelve a intentarlo.',
  UnifiedProfilesTimeoutError: 'El servicio de perfiles no ha respondido a tiempo. Vuelve a intentarlo en un momento.',
  UnifiedProfilesNotConfiguredError:
    'Los perfiles de cliente aún no están configurados. Pide a tu administrador de Flex que conecte Segment.',
  UnifiedProfilesSegmentUnavailableError: 'Segment no responde en este momento. Vuelve a intentarlo en un minuto.',
  UnifiedProfilesSegmentAuthError:
    'Segment ha rechazado la configuración de conexión. Pide a tu administrador de Flex que revise la conexión con Unify.',
  UnifiedProfilesSessionError: 'Tu sesión de Flex ha caducado. Vuelve a cargar Flex e inténtalo de nuevo.',
  UnifiedProfilesForbiddenError:
    'Tu rol en Flex no permite ver perfiles de cliente. Consulta a tu administrador de Flex.',
  UnifiedProfilesUnknownError:
    'Se ha producido un error inesperado. Vuelve a intentarlo; si sigue ocurriendo, avisa a tu administrador de Flex.',
  UnifiedProfilesPanelCrashTitle: 'Este panel ha tenido un problema',
  UnifiedProfilesPanelCrashBody:
    'El resto de Flex funciona con normalidad. Vuelve a intentarlo; si sigue ocurriendo, avisa a tu administrador de Flex.',

  UnifiedProfilesUnifyNavLabel: 'Unify',
  UnifiedProfilesUnifyHeading: 'Segment Unify',
  UnifiedProfilesUnifyIntro:
    'Unified Profiles muestra a los agentes el perfil de Segment Unify del cliente en cada tarea. La conexión la guarda el servicio de Functions, así que ningún secreto de Segment llega al navegador.',
  UnifiedProfilesUnifyLoading: 'Leyendo la configuración de conexión…',
  UnifiedProfilesUnifyLoadFailed: 'No se ha podido leer la configuración de conexión',
  UnifiedProfilesUnifyOverviewHeading: 'Resumen',
  UnifiedProfilesUnifyNotConnected: 'Sin conectar: los agentes no ven perfiles de cliente.',
  UnifiedProfilesUnifyNotChecked: 'Conectado, todavía sin comprobar.',
  UnifiedProfilesUnifyReady: 'Listo: los agentes ven los perfiles de cliente.',
  UnifiedProfilesUnifyWarning: 'Funciona, pero queda algo por configurar.',
  UnifiedProfilesUnifyDegraded: 'Degradado: Segment no responde, así que las búsquedas de los agentes fallan.',
  UnifiedProfilesUnifyDegradedSince:
    'Desde {{when}} la mayoría de las llamadas a Segment han fallado; ahora las búsquedas fallan al instante durante unos segundos y después se vuelve a intentar con Segment.',
  UnifiedProfilesUnifyNextDegraded: 'Siguiente paso: prueba la conexión para ver si es Segment o esta configuración.',
  UnifiedProfilesUnifyFailing: 'Con fallos: los agentes no pueden ver perfiles de cliente.',
  UnifiedProfilesUnifyMissing: 'Falta: {{missing}}.',
  UnifiedProfilesUnifyCheckedBy: 'Comprobado el {{when}} por {{who}}.',
  UnifiedProfilesUnifyNextConnect: 'Siguiente paso: conecta tu espacio de trabajo de Segment más abajo.',
  UnifiedProfilesUnifyNextCheck:
    'Siguiente paso: usa «Probar conexión» para asegurarte de que las búsquedas funcionan.',
  UnifiedProfilesUnifyNextNothing: 'No hay nada que hacer. Vuelve a comprobarlo si cambias algo en Segment.',
  UnifiedProfilesUnifyNextWarning: 'Siguiente paso: mira en la comprobación de abajo qué queda por configurar.',
  UnifiedProfilesUnifyNextFix: 'Siguiente paso: corrige lo que indica la comprobación de abajo y vuelve a probar.',
  UnifiedProfilesUnifyConnectedTo: 'Espacio de trabajo {{workspace}} · espacio {{space}} · {{region}}',
  UnifiedProfilesUnifyNotSet: 'Sin definir',
  UnifiedProfilesUnifyRegionUs: 'Estados Unidos',
  UnifiedProfilesUnifyRegionEu: 'Europa',
  UnifiedProfilesUnifyCheckHeading: 'Comprobar la conexión',
  UnifiedProfilesUnifyKnownCustomer: 'Un cliente que sepas que está en Segment (opcional)',
  UnifiedProfilesUnifyKnownCustomerHelp:
    'Con él, la comprobación también busca perfiles y eventos de interacción de Flex. Segment no permite listar perfiles, así que sin él esos pasos se omiten.',
  UnifiedProfilesUnifyTest: 'Probar conexión',
  UnifiedProfilesUnifyCheckCallFailed: 'No se ha podido hacer la comprobación: {{reason}}',
  UnifiedProfilesUnifyCheckResults: 'Resultados de la comprobación',
  UnifiedProfilesUnifyStepProfileApi: 'API de perfiles (token, espacio, región)',
  UnifiedProfilesUnifyStepProfiles: 'Perfiles en el espacio',
  UnifiedProfilesUnifyStepTracking: 'Fuente de eventos de Flex (clave de escritura)',
  UnifiedProfilesUnifyStepFlexEvents: 'Eventos de interacción de Flex recibidos',
  UnifiedProfilesUnifyStepPassed: 'Correcto',
  UnifiedProfilesUnifyStepFailed: 'Error',
  UnifiedProfilesUnifyStepWarning: 'Aviso',
  UnifiedProfilesUnifyStepSkipped: 'Omitido',
  UnifiedProfilesUnifyTroubleshooting: 'Resolución de problemas en Segment',
  UnifiedProfilesUnifyLinkWorkspace: 'Tu espacio de trabajo de Segment',
  UnifiedProfilesUnifyLinkDebugger: 'Event Debugger (lo que recibe la fuente de Flex)',
  UnifiedProfilesUnifyLinkExplorer: 'Profile Explorer (buscar el perfil de un cliente)',
  UnifiedProfilesUnifyConnectHeading: 'Conectar un espacio de trabajo existente',
  UnifiedProfilesUnifyReadOnly: 'Solo los administradores pueden cambiar la conexión.',
  UnifiedProfilesUnifyFieldWorkspace: 'Slug del espacio de trabajo',
  UnifiedProfilesUnifyFieldSpace: 'ID del espacio de Unify',
  UnifiedProfilesUnifyFieldToken: 'Token de la API de perfiles',
  UnifiedProfilesUnifyFieldWriteKey: 'Clave de escritura de la fuente de eventos de Flex',
  UnifiedProfilesUnifyFieldRegion: 'Región',
  UnifiedProfilesUnifyHelpWorkspace: 'En la URL de Segment: app.segment.com/<slug del espacio de trabajo>/overview.',
  UnifiedProfilesUnifyHelpSpace: 'Unify > Unify settings > API access: el ID del espacio empieza por spa_.',
  UnifiedProfilesUnifyHelpToken:
    'Unify > Unify settings > API access > Generate token. Segment lo muestra una sola vez; aquí se guarda cifrado y no se vuelve a mostrar.',
  UnifiedProfilesUnifyHelpWriteKey: 'Connections > Sources > la fuente de Flex > Settings > API keys.',
  UnifiedProfilesUnifyHelpRegion:
    'Dónde está tu espacio de trabajo: Europa si se creó en la aplicación de Segment para la UE.',
  UnifiedProfilesUnifySecretSet: 'Definido, termina en {{last4}} (escribe para sustituirlo)',
  UnifiedProfilesUnifySecretNotSet: 'Sin definir',
  UnifiedProfilesUnifyBadWorkspace: 'Usa el slug de la URL de Segment: minúsculas, cifras y guiones.',
  UnifiedProfilesUnifyBadSpace: 'Un ID de espacio de Unify empieza por spa_ seguido de letras y cifras.',
  UnifiedProfilesUnifyBadSecret: 'Pega el valor completo: al menos 8 caracteres, sin espacios.',
  UnifiedProfilesUnifyStoreMissing:
    'Guardar aquí no está configurado: las Functions necesitan {{missing}} (consulta docs/configuration.md). Mientras tanto, la configuración viene de su entorno.',
  UnifiedProfilesUnifyFieldPriority: 'Prioridad de identificadores',
  UnifiedProfilesUnifyHelpPriority:
    'Las búsquedas prueban los identificadores de la tarea en este orden; gana el primero que encuentra un perfil. Los agentes buscan por los mismos tipos.',
  UnifiedProfilesUnifyMoveUp: 'Subir {{name}}',
  UnifiedProfilesUnifyMoveDown: 'Bajar {{name}}',
  UnifiedProfilesUnifyReorderHandle: 'Reordenar {{name}}',
  UnifiedProfilesUnifyReorderHandleHelp:
    'Arrástralo a otra fila, o pulsa Alt+Flecha arriba o Alt+Flecha abajo para moverlo.',
  UnifiedProfilesUnifyReorderMoved: '{{name}} pasa a la posición {{position}} de {{count}}',
  UnifiedProfilesUnifyRemoveIdentifier: 'Quitar {{name}}',
  UnifiedProfilesUnifyAddIdentifier: 'Añadir un identificador',
  UnifiedProfilesUnifyAddButton: 'Añadir',
  UnifiedProfilesUnifyFieldEngagementChannels: 'Interacciones enviadas a Segment',
  UnifiedProfilesUnifyHelpEngagementChannels:
    'Los eventos Flex - Engagement Initiated/Completed de estos canales alimentan Total inbounds y el historial. Los canales sin marcar nunca se envían.',
  UnifiedProfilesUnifyEngagementAllChannels: 'Todos los canales',
  UnifiedProfilesUnifyEngagementAllExcept: 'Todos los canales excepto {{channels}}',
  UnifiedProfilesUnifyFieldHighlightedTraits: 'Atributos destacados',
  UnifiedProfilesUnifyHelpHighlightedTraits:
    'Atributos calculados y predictivos que los agentes leen primero en la pestaña Cliente, después de su propio resumen, cuando el perfil los tiene. Como máximo 12.',
  UnifiedProfilesUnifyTraitRecommended: '{{trait}} ({{key}}), recomendado',
  UnifiedProfilesUnifyHighlightOrder: 'Orden en que los leen los agentes',
  UnifiedProfilesUnifyTraitTotalInbounds: 'Total de contactos entrantes',
  UnifiedProfilesUnifyTraitFrequentChannel: 'Canal de entrada más frecuente',
  UnifiedProfilesUnifyAddTraitLabel: 'Otro atributo para destacar',
  UnifiedProfilesUnifyAddTraitHelp:
    'El nombre del atributo tal como lo muestra Segment, como lifetime_orders o likelihood_to_churn.',
  UnifiedProfilesUnifyAddTrait: 'Añadir atributo',
  UnifiedProfilesUnifyBadTraitName:
    'Usa el nombre del atributo tal como lo muestra Segment: letras, dígitos, _ . : y -, sin espacios, como máximo 100 caracteres.',
  UnifiedProfilesUnifyTooManyHighlights: 'Destaca como máximo {{max}} atributos: desmarca uno primero.',
  UnifiedProfilesUnifyNoHighlights: 'Ninguno además del resumen incorporado',
  UnifiedProfilesUnifyFieldTraitDisplay: 'Nombres y tipos de los atributos',
  UnifiedProfilesUnifyHelpTraitDisplay:
    'Cómo la pestaña Cliente nombra y muestra un atributo. Un tipo que no encaja con un valor no se aplica; los atributos no listados se nombran y muestran a partir de su clave y su valor.',
  UnifiedProfilesUnifyTraitColumnName: 'Nombre del atributo',
  UnifiedProfilesUnifyTraitColumnLabel: 'Nombre visible',
  UnifiedProfilesUnifyTraitColumnType: 'Tipo',
  UnifiedProfilesUnifyTraitColumnCurrency: 'Moneda',
  UnifiedProfilesUnifyTraitRowName: 'Nombre del atributo, fila {{row}}',
  UnifiedProfilesUnifyTraitRowLabel: 'Nombre visible, fila {{row}}',
  UnifiedProfilesUnifyTraitRowType: 'Tipo, fila {{row}}',
  UnifiedProfilesUnifyTraitRowCurrency: 'Código de moneda, fila {{row}}',
  UnifiedProfilesUnifyTraitRowRemove: 'Quitar la fila {{row}}',
  UnifiedProfilesUnifyTraitAddRow: 'Añadir un atributo',
  UnifiedProfilesUnifyTraitTypeInferred: 'Según el atributo',
  UnifiedProfilesUnifyTraitTypeText: 'Texto',
  UnifiedProfilesUnifyTraitTypeNumber: 'Número',
  UnifiedProfilesUnifyTraitTypeCurrency: 'Importe',
  UnifiedProfilesUnifyTraitTypeDate: 'Fecha',
  UnifiedProfilesUnifyTraitTypePercentile: 'Percentil (alto es bueno)',
  UnifiedProfilesUnifyTraitTypeReversed: 'Percentil invertido (bajo es bueno, como un riesgo)',
  UnifiedProfilesUnifyTraitTypeLink: 'Enlace',
  UnifiedProfilesUnifyTraitTypeBoolean: 'Sí o no',
  UnifiedProfilesUnifyTraitRowBadName:
    'Fila {{row}}: usa el nombre del atributo tal como lo muestra Segment, sin espacios.',
  UnifiedProfilesUnifyTraitRowTwice: 'Fila {{row}}: {{name}} ya está en la lista.',
  UnifiedProfilesUnifyTraitRowLabelLong: 'Fila {{row}}: el nombre visible tiene como máximo {{max}} caracteres.',
  UnifiedProfilesUnifyTraitRowEmpty: 'Fila {{row}}: indica un nombre visible o un tipo, o quita la fila.',
  UnifiedProfilesUnifyTraitRowBadCurrency: 'Fila {{row}}: la moneda es un código de tres letras como USD o EUR.',
  UnifiedProfilesUnifyTraitTooManyRows: 'Indica nombres y tipos para {{max}} atributos como máximo.',
  UnifiedProfilesUnifyNoTraitDisplay: 'Ninguno: cada atributo se nombra y muestra a partir de su clave y su valor',
  UnifiedProfilesUnifySave: 'Guardar conexión',
  UnifiedProfilesUnifyAgentViewHeading: 'Lo que ven los agentes',
  UnifiedProfilesUnifySaveAgentView: 'Guardar lo que ven los agentes',
  UnifiedProfilesUnifyPreviewHeading: 'Vista previa de la pestaña Cliente',
  UnifiedProfilesUnifyPreviewCustomer: 'Cliente para la vista previa',
  UnifiedProfilesUnifyPreviewShow: 'Ver vista previa',
  UnifiedProfilesUnifyPreviewHelp:
    'Un cliente del espacio conectado, como tipo:valor (email:ana@example.com, phone:+14155550100, user_id:abc123). La vista previa sigue los ajustes de arriba mientras los editas, antes de guardar.',
  UnifiedProfilesUnifyPreviewNeedCustomer:
    'Escribe un cliente para la vista previa, como email:ana@example.com: Segment no puede listar perfiles, así que necesita uno que conozcas.',
  UnifiedProfilesUnifyPreviewNotFound:
    'Ningún perfil del espacio conectado tiene {{identifier}}: compruébalo en el Profile explorer de Segment o prueba con otro cliente.',
  UnifiedProfilesUnifyPreviewFailed: 'No se pudo cargar la vista previa: vuelve a intentarlo en un momento.',
  UnifiedProfilesUnifyPreviewRegion: 'Vista previa de la pestaña Cliente de {{name}}',
  UnifiedProfilesUnifyPreviewNote:
    'Así ven los agentes a este cliente con los ajustes de arriba, guardados o no. Sus botones (actualizar, buscar, vincular) no se muestran aquí.',
  UnifiedProfilesUnifyAgentViewStoreMissing:
    'El guardado aún no está configurado: consulta «Conectar un espacio de trabajo existente» para saber qué necesitan las Functions.',
  UnifiedProfilesUnifySaved:
    'Guardado. Todas las búsquedas la usarán en menos de {{seconds}} segundos; usa «Probar conexión» para comprobarla.',
  UnifiedProfilesUnifyConflictTitle: '{{who}} ha guardado la conexión mientras la editabas.',
  UnifiedProfilesUnifyConflictBody:
    'Ha cambiado: {{fields}}. El formulario muestra ahora su configuración; vuelve a hacer tu cambio y guarda.',
  UnifiedProfilesUnifyChangesHeading: 'Cambios',
  UnifiedProfilesUnifyNoChanges:
    'Todavía no se ha guardado ningún cambio aquí: la configuración viene del entorno de Functions.',
  UnifiedProfilesUnifyChange: '{{when}} · {{who}} cambió {{fields}}',
  UnifiedProfilesUnifyNextCreate:
    '¿Todavía no tienes un espacio de trabajo de Segment? Créalo primero: consulta «Crear un espacio de trabajo de Segment para Flex» más abajo.',
  UnifiedProfilesUnifySetupHeading: 'Crear un espacio de trabajo de Segment para Flex',
  UnifiedProfilesUnifySetupIntro:
    '¿Todavía no tienes un espacio de trabajo de Segment? La configuración guiada de Twilio crea uno para Flex en cuatro pasos. Empiézala en Segment y marca aquí cada paso al terminarlo: el progreso se guarda para esta cuenta.',
  UnifiedProfilesUnifySetupLink: 'Crear un espacio de Unify en Segment',
  UnifiedProfilesUnifySetupNewTab: '(se abre en una pestaña nueva)',
  UnifiedProfilesUnifySetupSummary: 'Los cuatro pasos de configuración: {{done}} de {{total}} hechos',
  UnifiedProfilesUnifySetupStepHeading: 'Paso {{number}}: {{title}}',
  UnifiedProfilesUnifySetupStepField: 'el paso de configuración {{number}} ({{title}})',
  UnifiedProfilesUnifySetupChecklistField: 'la lista de configuración',
  UnifiedProfilesUnifySetupStep1Title: 'Seleccionar el origen de datos',
  UnifiedProfilesUnifySetupStep1Body: 'Indica a Segment de dónde vienen los datos de tus clientes. Elige una opción:',
  UnifiedProfilesUnifySetupChoiceSalesforce:
    'Salesforce y almacén de datos: los registros de clientes de Salesforce CRM, con más datos de tu almacén de datos.',
  UnifiedProfilesUnifySetupChoiceWarehouse: 'Solo almacén de datos: los registros de clientes de tu almacén de datos.',
  UnifiedProfilesUnifySetupChoiceApp:
    'Sitio web o aplicación móvil: clientes conocidos por los eventos que envía tu sitio web o tu aplicación móvil.',
  UnifiedProfilesUnifySetupStep1Warning:
    'Esta elección no se puede cambiar después. Elige el origen que tenga la mayor parte de los datos de tus clientes.',
  UnifiedProfilesUnifySetupWarningLabel: '(advertencia)',
  UnifiedProfilesUnifySetupNoteLabel: '(información)',
  UnifiedProfilesUnifySetupStep2Title: 'Añadir conexiones',
  UnifiedProfilesUnifySetupStep2Body:
    'Conecta el origen que elegiste: inicia sesión en Salesforce, introduce las credenciales de tu almacén de datos o añade tu sitio web o aplicación.',
  UnifiedProfilesUnifySetupStep2Warehouse:
    'Para un almacén, escribe un modelo SQL que seleccione a tus clientes, elige la columna que identifica a cada cliente de forma única, revisa la vista previa de 10 registros y asigna las columnas a identificadores y rasgos.',
  UnifiedProfilesUnifySetupSqlLabel: 'Modelo SQL recomendado',
  UnifiedProfilesUnifySetupSqlHelp: 'Si tus clientes están en otro esquema u otra tabla, usa su nombre.',
  UnifiedProfilesUnifySetupCopy: 'Copiar SQL',
  UnifiedProfilesUnifySetupCopied: 'SQL copiado.',
  UnifiedProfilesUnifySetupCopyFailed: 'No se pudo copiar. El SQL está seleccionado: pulsa Ctrl+C (⌘C en un Mac).',
  UnifiedProfilesUnifySetupStep3Title: 'Identificadores y rasgos',
  UnifiedProfilesUnifySetupStep3Body:
    'Elige cuáles de los 11 identificadores predeterminados de Segment unen los datos de un cliente en un solo perfil, y su prioridad; conserva el correo electrónico y el teléfono, con los que Flex busca a los clientes. Después añade hasta dos rasgos calculados (se recomiendan Total inbounds y Frequent inbound channel) y, si quieres, rasgos predictivos.',
  UnifiedProfilesUnifySetupStep3Note:
    'Los rasgos predictivos tardan hasta 48 horas en estar listos. Hasta entonces los agentes no los ven: no pasa nada.',
  UnifiedProfilesUnifySetupStep4Title: 'Activar los orígenes y probar las conexiones',
  UnifiedProfilesUnifySetupStep4Body:
    'En Segment, selecciona «Enable Sources and Test Connections» y vuelve a Flex. En «Conectar un espacio de trabajo existente», introduce el slug del espacio de trabajo, el ID del espacio de Unify, el token de la Profile API y la clave de escritura del origen de eventos de Flex, guarda y usa «Probar conexión».',
  UnifiedProfilesUnifySetupDone: 'Paso {{number}} hecho',
  UnifiedProfilesUnifySetupTickedBy: 'Marcado como hecho por {{who}}, {{when}}.',
  UnifiedProfilesUnifySetupUntickedBy: 'Marcado como no hecho por {{who}}, {{when}}.',
  UnifiedProfilesUnifySetupStatusDone: 'Hecho',
  UnifiedProfilesUnifySetupStatusNotDone: 'Todavía no',
  UnifiedProfilesUnifySetupReadOnly: 'Solo los administradores pueden marcar los pasos.',
  UnifiedProfilesUnifySetupStoreMissing:
    'El progreso no se puede guardar hasta que se configure el guardado (consulta «Conectar un espacio de trabajo existente»).',
  UnifiedProfilesUnifySetupTickFailed: 'No se pudo guardar el paso: {{reason}}',
  UnifiedProfilesUnifySetupEntitlementsHeading: 'Qué incluye un espacio de trabajo de Segment para Flex',
  UnifiedProfilesUnifySetupEntitlementSources:
    'El origen de eventos de Flex, creado para ti, y 5 orígenes más: Salesforce CRM, Storage (Reverse ETL), Mobile, JavaScript, Twilio Event Streams, HTTP o Java.',
  UnifiedProfilesUnifySetupEntitlementDestinations:
    '3 destinos: Storage, Analytics, Event Streams, Segment Profiles o Segment Connections.',
  UnifiedProfilesUnifySetupEntitlementSpaces: '2 espacios de Unify.',
  UnifiedProfilesUnifySetupEntitlementTraits: '2 rasgos calculados y 2 rasgos predictivos.',
  UnifiedProfilesUnifySetupEntitlementsExisting:
    'Para conectar en su lugar un espacio de trabajo que ya tienes, este necesita el plan Business de Segment con Unify Plus.',

  // Unify view: Customer tab layout editor
  UnifiedProfilesUnifyLayoutHeading: 'Diseño de la pestaña Cliente',
  UnifiedProfilesUnifyLayoutIntro:
    'Cómo la pestaña Cliente presenta un perfil a los agentes. Lo que dejes vacío conserva el valor predeterminado.',
  UnifiedProfilesUnifyLayoutHeaderLegend: 'Encabezado',
  UnifiedProfilesUnifyLayoutNameTraits: 'Atributos del nombre',
  UnifiedProfilesUnifyLayoutNameTraitsHelp:
    'Hasta 3 atributos, separados por comas, que se unen con espacios para formar el nombre, como first_name, last_name. Vacío: name, o first_name y last_name. Los nombres de los atributos están en Unify › Profile explorer.',
  UnifiedProfilesUnifyLayoutSecondaryTrait: 'Línea bajo el nombre',
  UnifiedProfilesUnifyLayoutSecondaryTraitHelp: 'Un atributo, como plan o job_title. Vacío: company.',
  UnifiedProfilesUnifyLayoutAvatarTrait: 'Atributo de la foto',
  UnifiedProfilesUnifyLayoutAvatarTraitHelp:
    'Un atributo que contiene una dirección de imagen https, como avatar_url. Vacío: las iniciales del cliente.',
  UnifiedProfilesUnifyLayoutGroupsLegend: 'Grupos de atributos',
  UnifiedProfilesUnifyLayoutGroupsHelp:
    'Atributos que los agentes leen juntos bajo un título, en este orden, como Facturación: plan, lifetime_value. Los atributos que no están en ningún grupo conservan sus grupos predeterminados. Los nombres de los atributos están en Unify › Profile explorer. Como máximo {{max}} grupos.',
  UnifiedProfilesUnifyLayoutGroupNumber: 'Grupo {{n}}',
  UnifiedProfilesUnifyLayoutGroupLegend: 'Grupo {{n}}: {{title}}',
  UnifiedProfilesUnifyLayoutGroupTitle: 'Título',
  UnifiedProfilesUnifyLayoutGroupTraits: 'Atributos',
  UnifiedProfilesUnifyLayoutGroupTraitsHelp: 'Separados por comas, como plan, lifetime_value.',
  UnifiedProfilesUnifyLayoutAddGroup: 'Añadir grupo',
  UnifiedProfilesUnifyLayoutEventsLegend: 'Eventos del historial',
  UnifiedProfilesUnifyLayoutEventsHelp:
    'Las interacciones propias de Flex aparecen siempre; si enumeras eventos aquí, solo aparecen esos otros. Los nombres de los eventos y sus propiedades están en Connections › Sources › Debugger. Como máximo {{max}} eventos.',
  UnifiedProfilesUnifyLayoutEventsPropertiesHelp:
    'La propiedad de fecha indica cuándo ocurrió (vacía: cuando Segment lo recibió); la primera y la segunda propiedad se muestran debajo, como revenue y order_id.',
  UnifiedProfilesUnifyLayoutEventNumber: 'Evento {{n}}',
  UnifiedProfilesUnifyLayoutEventLegend: 'Evento {{n}}: {{event}}',
  UnifiedProfilesUnifyLayoutEventName: 'Nombre del evento',
  UnifiedProfilesUnifyLayoutEventLabel: 'Nombre visible',
  UnifiedProfilesUnifyLayoutEventDateProperty: 'Propiedad de fecha',
  UnifiedProfilesUnifyLayoutEventPrimaryProperty: 'Primera propiedad',
  UnifiedProfilesUnifyLayoutEventSecondaryProperty: 'Segunda propiedad',
  UnifiedProfilesUnifyLayoutAddEvent: 'Añadir evento',
  UnifiedProfilesUnifyLayoutRemove: 'Quitar {{name}}',
  UnifiedProfilesUnifyLayoutRemoveShort: 'Quitar',
  UnifiedProfilesUnifyLayoutIdentifiersLegend: 'Identificadores',
  UnifiedProfilesUnifyLayoutIdentifiersHelp:
    'Para cada tipo de identificador de la prioridad de identificadores: el nombre que ven los agentes, si pueden buscar por él y qué atributos de la tarea lo contienen. Los campos vacíos conservan los valores predeterminados.',
  UnifiedProfilesUnifyLayoutIdentifierExtra: '{{identifier}} (no está en la prioridad de identificadores)',
  UnifiedProfilesUnifyLayoutIdentifierLabel: 'Nombre visible',
  UnifiedProfilesUnifyLayoutIdentifierSearchable: 'Los agentes pueden buscar por él',
  UnifiedProfilesUnifyLayoutIdentifierTaskAttributes: 'Atributos de la tarea',
  UnifiedProfilesUnifyLayoutIdentifierTaskAttributesHelp:
    'Atributos de la tarea que pueden contenerlo, separados por comas, hasta {{max}}, como account_email, pre_engagement_data.email.',
  UnifiedProfilesUnifyLayoutBadTraitInList:
    '«{{name}}» no es un nombre de atributo. Escribe los nombres tal como los muestra Unify › Profile explorer (letras, dígitos, _ . : y -), separados por comas.',
  UnifiedProfilesUnifyLayoutBadTrait:
    '«{{name}}» no es un nombre de atributo. Escribe un solo nombre tal como lo muestra Unify › Profile explorer (letras, dígitos, _ . : y -).',
  UnifiedProfilesUnifyLayoutTooManyNameTraits:
    'El nombre admite como máximo {{max}} atributos, como first_name, last_name: quita los demás.',
  UnifiedProfilesUnifyLayoutGroupNoTitle: 'El grupo {{n}} necesita un título que lean los agentes, como Facturación.',
  UnifiedProfilesUnifyLayoutGroupTitleLong: 'El título del grupo {{n}} tiene más de {{max}} caracteres: acórtalo.',
  UnifiedProfilesUnifyLayoutGroupTitleTwice:
    'El grupo {{other}} ya se llama {{title}}: pon otro título al grupo {{n}}.',
  UnifiedProfilesUnifyLayoutGroupNoTraits: 'Añade al menos un atributo a {{group}} o quita el grupo.',
  UnifiedProfilesUnifyLayoutGroupBadTrait:
    '«{{name}}» en {{group}} no es un nombre de atributo. Escribe los nombres tal como los muestra Unify › Profile explorer (letras, dígitos, _ . : y -), separados por comas.',
  UnifiedProfilesUnifyLayoutGroupTooManyTraits:
    '{{group}} tiene {{count}} atributos y caben como máximo {{max}}: divídelo en dos grupos.',
  UnifiedProfilesUnifyLayoutTraitTwiceInGroup: '{{trait}} aparece dos veces en {{group}}: déjalo una sola vez.',
  UnifiedProfilesUnifyLayoutTraitInTwoGroups:
    '{{trait}} está en {{other}} y en {{group}}: quítalo de uno de los dos, porque cada atributo va en un solo grupo.',
  UnifiedProfilesUnifyLayoutTooManyGroups:
    'Hay {{count}} grupos de atributos y caben como máximo {{max}}: quita o une algunos.',
  UnifiedProfilesUnifyLayoutTooManyEvents:
    'Hay {{count}} eventos del historial y caben como máximo {{max}}: quita algunos.',
  UnifiedProfilesUnifyLayoutEventNoName:
    'El evento {{n}} necesita el nombre del evento tal como lo muestra Segment en Connections › Sources › Debugger, como Order Completed.',
  UnifiedProfilesUnifyLayoutEventNameLong:
    'El nombre del evento {{n}} tiene más de {{max}} caracteres: usa el nombre exacto que muestra Segment.',
  UnifiedProfilesUnifyLayoutEventTwice:
    '{{event}} es a la vez el evento {{other}} y el evento {{n}}: quita uno de los dos.',
  UnifiedProfilesUnifyLayoutEventLabelLong:
    'El nombre visible del evento {{n}} tiene más de {{max}} caracteres: acórtalo.',
  UnifiedProfilesUnifyLayoutEventBadProperty:
    'Esta propiedad del evento {{n}} no es un nombre de propiedad: usa como máximo {{max}} caracteres, tal como la muestra el Debugger de Segment, como revenue.',
  UnifiedProfilesUnifyLayoutIdentifierLabelLong:
    'El nombre visible de {{identifier}} tiene más de {{max}} caracteres: acórtalo.',
  UnifiedProfilesUnifyLayoutBadTaskAttribute:
    '«{{name}}» ({{identifier}}) no es un nombre de atributo de la tarea. Usa letras, dígitos, _ y -, con puntos para los atributos anidados, como pre_engagement_data.email, separados por comas.',
  UnifiedProfilesUnifyLayoutTooManyTaskAttributes:
    '{{identifier}} admite como máximo {{max}} atributos de la tarea: quita los demás.',
  UnifiedProfilesUnifyLayoutTooLong:
    'El diseño de la pestaña Cliente es demasiado largo en conjunto: usa menos grupos o eventos, o nombres más cortos.',
  UnifiedProfilesUnifyLayoutSummaryDefault: 'Diseño predeterminado',
  UnifiedProfilesUnifyLayoutSummaryName: 'Nombre a partir de {{traits}}',
  UnifiedProfilesUnifyLayoutSummarySecondary: 'Línea bajo el nombre a partir de {{trait}}',
  UnifiedProfilesUnifyLayoutSummaryAvatar: 'Foto a partir de {{trait}}',
  UnifiedProfilesUnifyLayoutSummaryGroupsOne: '{{count}} grupo de atributos',
  UnifiedProfilesUnifyLayoutSummaryGroupsMany: '{{count}} grupos de atributos',
  UnifiedProfilesUnifyLayoutSummaryEventsOne: '{{count}} evento del historial',
  UnifiedProfilesUnifyLayoutSummaryEventsMany: '{{count}} eventos del historial',
  UnifiedProfilesUnifyLayoutSummaryRenamedOne: '{{count}} identificador con otro nombre',
  UnifiedProfilesUnifyLayoutSummaryRenamedMany: '{{count}} identificadores con otro nombre',
  UnifiedProfilesUnifyLayoutSummarySearchOne: 'Búsqueda cambiada para {{count}} identificador',
  UnifiedProfilesUnifyLayoutSummarySearchMany: 'Búsqueda cambiada para {{count}} identificadores',
  UnifiedProfilesUnifyLayoutSummaryAttributesOne: 'Atributos de la tarea para {{count}} identificador',
  UnifiedProfilesUnifyLayoutSummaryAttributesMany: 'Atributos de la tarea para {{count}} identificadores',
};
