<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="marker" name="0" alpha="1"><layer class="SimpleMarker"><prop k="color" v="255,255,255,255"/><prop k="outline_color" v="40,40,40,255"/><prop k="name" v="diamond"/><prop k="size" v="2.5"/></layer></symbol>
    </symbols>
  </renderer-v2>
</qgis>
