<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="categorizedSymbol" attr="event_type" symbollevels="0" enableorderby="0" forceraster="0">
    <categories>
      <category symbol="0" value="Battles" label="Battles" render="true"/>
      <category symbol="1" value="Explosions/Remote violence" label="Explosions/Remote violence" render="true"/>
      <category symbol="2" value="Violence against civilians" label="Violence against civilians" render="true"/>
      <category symbol="3" value="Protests" label="Protests" render="true"/>
      <category symbol="4" value="Riots" label="Riots" render="true"/>
      <category symbol="5" value="Strategic developments" label="Strategic developments" render="true"/>
    </categories>
    <symbols>
      <symbol type="marker" name="0" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="228,26,28,255"/><prop k="name" v="circle"/><prop k="size" v="3"/><data_defined_properties><Option type="Map"><Option name="properties" type="Map"><Option name="size" type="Map"><Option name="active" value="true" type="bool"/><Option name="expression" value="coalesce(scale_linear(&quot;fatalities&quot;, 0, 100, 3, 12), 3)" type="QString"/><Option name="type" value="3" type="int"/></Option></Option></Option></data_defined_properties></layer></symbol>
      <symbol type="marker" name="1" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="255,127,0,255"/><prop k="name" v="circle"/><prop k="size" v="3"/><data_defined_properties><Option type="Map"><Option name="properties" type="Map"><Option name="size" type="Map"><Option name="active" value="true" type="bool"/><Option name="expression" value="coalesce(scale_linear(&quot;fatalities&quot;, 0, 100, 3, 12), 3)" type="QString"/><Option name="type" value="3" type="int"/></Option></Option></Option></data_defined_properties></layer></symbol>
      <symbol type="marker" name="2" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="152,78,163,255"/><prop k="name" v="circle"/><prop k="size" v="3"/><data_defined_properties><Option type="Map"><Option name="properties" type="Map"><Option name="size" type="Map"><Option name="active" value="true" type="bool"/><Option name="expression" value="coalesce(scale_linear(&quot;fatalities&quot;, 0, 100, 3, 12), 3)" type="QString"/><Option name="type" value="3" type="int"/></Option></Option></Option></data_defined_properties></layer></symbol>
      <symbol type="marker" name="3" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="55,126,184,255"/><prop k="name" v="circle"/><prop k="size" v="3"/></layer></symbol>
      <symbol type="marker" name="4" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="77,175,74,255"/><prop k="name" v="circle"/><prop k="size" v="3"/></layer></symbol>
      <symbol type="marker" name="5" alpha="0.85"><layer class="SimpleMarker"><prop k="color" v="128,128,128,255"/><prop k="name" v="square"/><prop k="size" v="3"/></layer></symbol>
    </symbols>
  </renderer-v2>
</qgis>
